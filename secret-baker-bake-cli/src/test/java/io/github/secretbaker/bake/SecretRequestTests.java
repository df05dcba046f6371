package io.github.secretbaker.bake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SecretRequest}.
 */
class SecretRequestTests {

	@Test
	void readsPathWithoutSelector() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD", "/app/db/password");
		assertThat(request.parameter()).isEqualTo("/app/db/password");
		assertThat(request.selector()).isNull();
		assertThat(request.isPinned()).isFalse();
		assertThat(request.path()).isEqualTo("/app/db/password");
	}

	@Test
	void readsVersionSelector() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD", "/app/db/password:3");
		assertThat(request.parameter()).isEqualTo("/app/db/password");
		assertThat(request.pinnedVersion()).isEqualTo(3L);
		assertThat(request.label()).isNull();
		assertThat(request.path()).isEqualTo("/app/db/password:3");
	}

	@Test
	void readsLabelSelector() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD", "/app/db/password:prod");
		assertThat(request.label()).isEqualTo("prod");
		assertThat(request.pinnedVersion()).isNull();
	}

	@Test
	void readsSelectorAfterParameterArn() {
		SecretRequest request = SecretRequest.of("DB_PASSWORD",
				"arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password:prod");
		assertThat(request.parameter()).isEqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password");
		assertThat(request.label()).isEqualTo("prod");
		assertThat(request.isArn()).isTrue();
	}

	@Test
	void keepsNameWithoutLeadingSlash() {
		assertThat(SecretRequest.of("API_KEY", "api-key").parameter()).isEqualTo("api-key");
	}

	@Test
	void rejectsInvalidSecretName() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("db-password", "/app/db"))
			.withMessageContaining("'db-password'")
			.withMessageContaining("letters, digits and underscores");
	}

	@Test
	void rejectsServerlessVariableNamingSecretBakerDoesNotResolveIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/${self:provider.stage}/db"))
			.withMessageContaining("/app/${self:provider.stage}/db")
			.withMessageContaining("does not resolve Serverless variables");
	}

	@Test
	void rejectsEmptyPathEmptySelectorAndVersionZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", " "))
			.withMessageContaining("empty parameter path");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/db:"))
			.withMessageContaining("empty selector");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/db:0"))
			.withMessageContaining("versions start at 1");
	}

	@Test
	void rejectsInvalidParameterNameAndArn() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "/app/db password"))
			.withMessageContaining("not a valid SSM parameter name");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRequest.of("DB", "arn:aws:s3:::bucket"))
			.withMessageContaining("not an SSM parameter ARN");
	}

}
