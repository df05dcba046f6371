package io.github.secretbaker.format;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BakedSecret}.
 */
class BakedSecretTests {

	private static final String ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db";

	@Test
	void toStringNeverContainsTheCiphertext() {
		String ciphertext = java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
		BakedSecret secret = new BakedSecret("DB_PASSWORD", ciphertext, ARN, 2L, null, "Standard");
		assertThat(secret.toString()).contains("DB_PASSWORD", ARN).doesNotContain(ciphertext);
	}

	@Test
	void decodesTheCiphertextBlob() {
		assertThat(BakedSecret.of("A", "AQID", ARN).ciphertextBlob()).containsExactly(1, 2, 3);
	}

	@Test
	void acceptsArnsOfEveryPartitionAndParametersWithoutLeadingSlash() {
		assertThat(BakedSecret.isParameterArn("arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/x")).isTrue();
		assertThat(BakedSecret.isParameterArn("arn:aws-cn:ssm:cn-north-1:123456789012:parameter/plain")).isTrue();
		assertThat(BakedSecret.isParameterArn("arn:aws:kms:us-east-1:123456789012:key/abc")).isFalse();
	}

	@Test
	void acceptsNamesUsableAsPropertyAndEnvironmentVariableNames() {
		assertThat(BakedSecret.isValidName("DB_PASSWORD")).isTrue();
		assertThat(BakedSecret.isValidName("_private2")).isTrue();
		assertThat(BakedSecret.isValidName("db.password")).isFalse();
		assertThat(BakedSecret.isValidName("2FA")).isFalse();
		assertThat(BakedSecret.isValidName("")).isFalse();
	}

	@Test
	void rejectsEmptyCiphertextAndZeroVersion() {
		assertThatIllegalArgumentException().isThrownBy(() -> BakedSecret.of("A", "", ARN))
			.withMessage("'ciphertext' is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new BakedSecret("A", "AQID", ARN, 0L, null, null))
			.withMessage("'version' must be 1 or more but was 0");
	}

}
