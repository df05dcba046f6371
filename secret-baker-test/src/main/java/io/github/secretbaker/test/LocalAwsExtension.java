/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.secretbaker.test;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * JUnit Jupiter extension that starts a {@link LocalAwsServer}, injects it into
 * parameters of that type (test methods, lifecycle methods, constructors) and
 * {@link LocalAwsServer#reset() resets} it before each test. One server serves a test
 * class by default; configure the scope, account id and region with
 * {@link LocalAwsTest @LocalAwsTest}. Servers stop when their scope ends. Parameters of
 * type {@link KmsClient} and {@link SsmClient} receive new clients for the server, made
 * by {@link LocalAwsTest#clients()} and closed when the test (or, for a class-level
 * lifecycle method, the class) ends; a constructor's clients live as long as its test.
 *
 * @since 0.1.0
 */
public class LocalAwsExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(LocalAwsExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server(context).reset();
	}

	@Override
	public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
		return ExtensionContextScope.TEST_METHOD;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == LocalAwsServer.class || type == KmsClient.class || type == SsmClient.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		LocalAwsServer server = server(extensionContext);
		Class<?> type = parameterContext.getParameter().getType();
		if (type == LocalAwsServer.class) {
			return server;
		}
		LocalAwsClients clients = clients(extensionContext);
		AutoCloseable client = (type == KmsClient.class) ? clients.createKmsClient(server)
				: clients.createSsmClient(server);
		extensionContext.getStore(NAMESPACE).put(client, client);
		return client;
	}

	private static LocalAwsClients clients(ExtensionContext context) {
		LocalAwsTest settings = settings(context);
		Class<? extends LocalAwsClients> type = (settings != null) ? settings.clients() : LocalAwsClients.class;
		try {
			return type.getConstructor().newInstance();
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new ExtensionConfigurationException(
					"@LocalAwsTest(clients = " + type.getName() + ".class) needs a public no-argument constructor", ex);
		}
	}

	private static LocalAwsServer server(ExtensionContext context) {
		LocalAwsTest settings = settings(context);
		LocalAwsTest.Scope scope = (settings != null) ? settings.scope() : LocalAwsTest.Scope.CLASS;
		String accountId = (settings != null) ? settings.accountId() : LocalAwsServer.DEFAULT_ACCOUNT_ID;
		String region = (settings != null) ? settings.region() : LocalAwsServer.DEFAULT_REGION;
		Store store = (scope == LocalAwsTest.Scope.JVM) ? context.getRoot().getStore(NAMESPACE)
				: outermostClassContext(context).getStore(NAMESPACE);
		String key = scope + ":" + accountId + ":" + region;
		return store.computeIfAbsent(key,
				(ignored) -> LocalAwsServer.builder().accountId(accountId).region(region).start(),
				LocalAwsServer.class);
	}

	private static ExtensionContext outermostClassContext(ExtensionContext context) {
		ExtensionContext outermost = context;
		Optional<ExtensionContext> parent = context.getParent();
		while (parent.isPresent() && parent.get().getTestClass().isPresent()) {
			outermost = parent.get();
			parent = outermost.getParent();
		}
		return outermost;
	}

	private static @Nullable LocalAwsTest settings(ExtensionContext context) {
		Class<?> type = context.getTestClass().orElse(null);
		while (type != null) {
			LocalAwsTest annotation = type.getAnnotation(LocalAwsTest.class);
			if (annotation != null) {
				return annotation;
			}
			type = type.getEnclosingClass();
		}
		return null;
	}

}
