package io.github.secretbaker.bake;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AwsClientOptions}.
 */
class AwsClientOptionsTests {

	@Test
	void refusesToCreateClientsForPlainHttpToAnotherHost() {
		AwsClientOptions options = new AwsClientOptions("eu-west-1", null, URI.create("http://ssm.example.com"), 1);
		assertThat(options.checkEndpoints("<endpoint>", "<allowInsecureEndpoint>true</allowInsecureEndpoint>"))
			.isEqualTo("the endpoint in <endpoint> is plain http to ssm.example.com, a host that is not this machine: "
					+ "signed requests, session tokens and secrets would cross the network in clear. Use https, or set "
					+ "<allowInsecureEndpoint>true</allowInsecureEndpoint> if that network path is trusted");
		assertThatIllegalArgumentException().isThrownBy(options::createSsmClient)
			.withMessageContaining("plain http to ssm.example.com");
		assertThatIllegalArgumentException().isThrownBy(options::createKmsClient)
			.withMessageContaining("plain http to ssm.example.com");
	}

	@Test
	void allowsPlainHttpToAnotherHostWhenExplicitlyAllowed() {
		AwsClientOptions options = new AwsClientOptions("eu-west-1", null, URI.create("http://ssm.example.com"), 1,
				true);
		assertThat(options.checkEndpoints("--endpoint-url", "--allow-insecure-endpoint")).isNull();
		options.createSsmClient().close();
	}

	@Test
	void allowsPlainHttpToThisMachineAndHttpsAnywhere() {
		assertThat(new AwsClientOptions("eu-west-1", null, URI.create("http://127.0.0.1:4566"), 1)
			.checkEndpoints("--endpoint-url", "--allow-insecure-endpoint")).isNull();
		assertThat(new AwsClientOptions("eu-west-1", null, URI.create("https://ssm.example.com"), 1)
			.checkEndpoints("--endpoint-url", "--allow-insecure-endpoint")).isNull();
	}

}
