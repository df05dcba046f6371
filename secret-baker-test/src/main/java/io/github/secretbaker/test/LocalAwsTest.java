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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link LocalAwsServer}, injected into test, lifecycle and
 * constructor parameters of that type and reset before each test. Parameters of type
 * {@code KmsClient} and {@code SsmClient} receive clients for the server, made by
 * {@link #clients()} and closed after the test (or, for class-level lifecycle methods,
 * after the class).
 *
 * @since 0.1.0
 * @see LocalAwsExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalAwsExtension.class)
public @interface LocalAwsTest {

	/**
	 * How long one server lives: {@link Scope#CLASS}, the default, starts one server per
	 * test class; {@link Scope#JVM} shares one server between all test classes that ask
	 * for it, until the JVM's test run ends.
	 * @return the server scope
	 */
	Scope scope() default Scope.CLASS;

	/**
	 * The account id used in ARNs.
	 * @return the account id
	 */
	String accountId() default LocalAwsServer.DEFAULT_ACCOUNT_ID;

	/**
	 * The region of the ready-made clients and seed helpers.
	 * @return the region
	 */
	String region() default LocalAwsServer.DEFAULT_REGION;

	/**
	 * The factory of the injected {@code KmsClient} and {@code SsmClient} parameters; a
	 * subclass needs a public no-argument constructor.
	 * @return the client factory
	 */
	Class<? extends LocalAwsClients> clients() default LocalAwsClients.class;

	/**
	 * How long a server lives.
	 */
	enum Scope {

		/**
		 * One server per test class (nested classes share their outer class's server).
		 */
		CLASS,

		/**
		 * One server for the whole test run, shared by all classes with the same account
		 * id and region.
		 */
		JVM

	}

}
