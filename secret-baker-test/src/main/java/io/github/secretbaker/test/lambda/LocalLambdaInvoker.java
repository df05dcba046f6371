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

package io.github.secretbaker.test.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes a Lambda handler the way the AWS Lambda Java runtime does: the handler class is
 * instantiated once (the init phase, where a Spring Cloud Function
 * {@code FunctionInvoker} starts its application context), then each event is passed to
 * its handler method with a {@code Context}.
 * <p>
 * Stream handlers ({@code handleRequest(InputStream, OutputStream, Context)}) get the
 * event bytes as they are; other handlers ({@code handleRequest(T, Context)}) get the
 * event mapped to their input type with Jackson, and their result is written as JSON. The
 * {@code aws-lambda-java-core} classes come from the handler's own class path, so this
 * class has no dependency on them.
 *
 * @since 0.1.0
 */
public final class LocalLambdaInvoker {

	private static final String DEFAULT_METHOD = "handleRequest";

	private final Object handler;

	private final Method method;

	private final String functionName;

	private final Duration timeout;

	private final Duration initDuration;

	private @Nullable JsonMapper jsonMapper;

	private LocalLambdaInvoker(Object handler, Method method, String functionName, Duration timeout,
			Duration initDuration) {
		this.handler = handler;
		this.method = method;
		this.functionName = functionName;
		this.timeout = timeout;
		this.initDuration = initDuration;
	}

	/**
	 * Create the handler, as the Lambda runtime does during the init phase.
	 * @param handler the handler as Lambda takes it: {@code com.example.Handler::method},
	 * or {@code com.example.Handler} for its {@code handleRequest} method
	 * @param functionName the function name reported by the context
	 * @param timeout the function timeout, reported by
	 * {@code Context.getRemainingTimeInMillis()}
	 * @param classLoader the class loader holding the function's classes
	 * @return the invoker
	 * @throws IllegalArgumentException if the handler cannot be found or has no suitable
	 * method
	 * @throws IllegalStateException if the handler fails to initialize
	 */
	public static LocalLambdaInvoker create(String handler, String functionName, Duration timeout,
			ClassLoader classLoader) {
		int separator = handler.indexOf("::");
		String className = (separator != -1) ? handler.substring(0, separator) : handler;
		String methodName = (separator != -1) ? handler.substring(separator + 2) : DEFAULT_METHOD;
		Class<?> handlerClass;
		try {
			handlerClass = Class.forName(className, true, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalArgumentException(
					"Handler class '" + className + "' is not on the class path: add the function's jar with -cp", ex);
		}
		Method method = findHandlerMethod(handlerClass, methodName);
		long start = System.nanoTime();
		Object instance = instantiate(handlerClass);
		Duration initDuration = Duration.ofNanos(System.nanoTime() - start);
		return new LocalLambdaInvoker(instance, method, functionName, timeout, initDuration);
	}

	private static Method findHandlerMethod(Class<?> handlerClass, String methodName) {
		Optional<Method> candidate = Arrays.stream(handlerClass.getMethods())
			.filter((method) -> method.getName().equals(methodName) && !method.isBridge())
			.filter((method) -> isStreamHandler(method) || method.getParameterCount() == 2)
			.min((left, right) -> Boolean.compare(!isStreamHandler(left), !isStreamHandler(right)));
		return candidate.orElseThrow(() -> new IllegalArgumentException(
				"Handler class '" + handlerClass.getName() + "' has no public method '" + methodName
						+ "(InputStream, OutputStream, Context)' or '" + methodName + "(Object, Context)'"));
	}

	private static boolean isStreamHandler(Method method) {
		Class<?>[] types = method.getParameterTypes();
		return types.length == 3 && types[0] == InputStream.class && types[1] == OutputStream.class;
	}

	private static Object instantiate(Class<?> handlerClass) {
		try {
			Constructor<?> constructor = handlerClass.getConstructor();
			return constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalArgumentException(
					"Handler class '" + handlerClass.getName() + "' has no public no-argument constructor", ex);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Handler '" + handlerClass.getName() + "' failed to initialize",
					ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Handler '" + handlerClass.getName() + "' cannot be created", ex);
		}
	}

	/**
	 * Return how long the handler took to initialize, as Lambda's {@code Init Duration}.
	 * @return the init duration
	 */
	Duration initDuration() {
		return this.initDuration;
	}

	/**
	 * Invoke the handler with one event.
	 * @param event the event, as JSON
	 * @return the response bytes
	 * @throws IllegalStateException if the handler throws
	 */
	public byte[] invoke(byte[] event) {
		Class<?> contextType = this.method.getParameterTypes()[this.method.getParameterCount() - 1];
		Object context = LambdaContext.create(contextType, this.functionName, this.timeout);
		try {
			if (isStreamHandler(this.method)) {
				ByteArrayOutputStream response = new ByteArrayOutputStream();
				this.method.invoke(this.handler, new ByteArrayInputStream(event), response, context);
				return response.toByteArray();
			}
			JsonMapper jsonMapper = jsonMapper();
			Object input = jsonMapper.readValue(event, this.method.getParameterTypes()[0]);
			Object result = this.method.invoke(this.handler, input, context);
			return jsonMapper.writeValueAsBytes(result);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException(
					"Handler '" + this.method.getDeclaringClass().getName() + "::" + this.method.getName() + "' failed",
					ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Handler method cannot be called", ex);
		}
	}

	// Created on first use so that stream handlers, such as FunctionInvoker, need no
	// Jackson on the class path next to this class.
	private JsonMapper jsonMapper() {
		JsonMapper jsonMapper = this.jsonMapper;
		if (jsonMapper == null) {
			jsonMapper = JsonMapper.builder().build();
			this.jsonMapper = jsonMapper;
		}
		return jsonMapper;
	}

	/**
	 * Run a handler from the command line:
	 * {@code java -cp function.jar:secret-baker-test.jar
	 * io.github.secretbaker.test.lambda.LocalLambdaInvoker --handler CLASS::METHOD --event
	 * event.json}. The response goes to standard output; a Lambda-style {@code REPORT}
	 * line with the init and invocation durations goes to standard error.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		int exitCode = run(args, System.out, System.err);
		System.exit(exitCode);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("Error: " + ex.getMessage());
			err.println(Arguments.USAGE);
			return 2;
		}
		if (arguments.help()) {
			out.println(Arguments.USAGE);
			return 0;
		}
		try {
			byte[] event = arguments.readEvent();
			LocalLambdaInvoker invoker = create(arguments.handler(), arguments.functionName(), arguments.timeout(),
					Thread.currentThread().getContextClassLoader());
			long start = System.nanoTime();
			byte[] response = invoker.invoke(event);
			Duration duration = Duration.ofNanos(System.nanoTime() - start);
			out.write(response);
			out.println();
			out.flush();
			err.printf(Locale.ROOT, "REPORT Init Duration: %.2f ms\tDuration: %.2f ms%n",
					invoker.initDuration().toNanos() / 1e6, duration.toNanos() / 1e6);
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			err.println("Error: " + ex.getMessage());
			ex.printStackTrace(err);
			return 1;
		}
	}

	/**
	 * Parsed command-line arguments.
	 */
	private record Arguments(String handler, @Nullable String event, String functionName, Duration timeout,
			boolean help) {

		static final String USAGE = """
				Usage: java -cp <function.jar>:<secret-baker-test-standalone.jar> \\
				         io.github.secretbaker.test.lambda.LocalLambdaInvoker --handler <class>[::<method>] [options]
				  --handler <h>        the handler, as in the Lambda configuration
				  --event <file|->     the event JSON (default: {} ; - reads standard input)
				  --function-name <n>  the function name in the context (default: local-function)
				  --timeout <seconds>  the function timeout in the context (default: 30)
				  --help               show this help""";

		static Arguments parse(String[] args) {
			String handler = null;
			String event = null;
			String functionName = "local-function";
			Duration timeout = Duration.ofSeconds(30);
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--help") || arg.equals("-h")) {
					return new Arguments("", null, functionName, timeout, true);
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Option '" + arg + "' needs a value");
				}
				String value = args[++i];
				switch (arg) {
					case "--handler" -> handler = value;
					case "--event" -> event = value;
					case "--function-name" -> functionName = value;
					case "--timeout" -> timeout = parseTimeout(value);
					default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
				}
			}
			if (handler == null || handler.isBlank()) {
				throw new IllegalArgumentException("--handler is required");
			}
			return new Arguments(handler, event, functionName, timeout, false);
		}

		private static Duration parseTimeout(String value) {
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--timeout takes whole seconds but was '" + value + "'");
			}
		}

		byte[] readEvent() throws IOException {
			if (this.event == null) {
				return "{}".getBytes(StandardCharsets.UTF_8);
			}
			if (this.event.equals("-")) {
				return System.in.readAllBytes();
			}
			return Files.readAllBytes(Path.of(this.event));
		}

	}

	/**
	 * Builds {@code com.amazonaws.services.lambda.runtime.Context} instances as dynamic
	 * proxies of the interface found on the handler's class path.
	 */
	private static final class LambdaContext {

		static Object create(Class<?> contextType, String functionName, Duration timeout) {
			if (!contextType.isInterface()) {
				throw new IllegalArgumentException("Handler's last parameter must be the Lambda Context interface");
			}
			String requestId = UUID.randomUUID().toString();
			long deadline = System.currentTimeMillis() + timeout.toMillis();
			String region = Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1");
			return Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] { contextType },
					(proxy, method, methodArgs) -> switch (method.getName()) {
						case "getAwsRequestId" -> requestId;
						case "getLogGroupName" -> "/aws/lambda/" + functionName;
						case "getLogStreamName" -> "local/[$LATEST]" + requestId.replace("-", "");
						case "getFunctionName" -> functionName;
						case "getFunctionVersion" -> "$LATEST";
						case "getInvokedFunctionArn" ->
							"arn:aws:lambda:" + region + ":123456789012:function:" + functionName;
						case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
						case "getMemoryLimitInMB" -> 512;
						case "getLogger" -> logger(method.getReturnType());
						case "toString" -> "LocalLambdaContext[" + functionName + ", " + requestId + "]";
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == methodArgs[0];
						default -> null;
					});
		}

		private static Object logger(Class<?> loggerType) {
			return Proxy.newProxyInstance(loggerType.getClassLoader(), new Class<?>[] { loggerType },
					(proxy, method, methodArgs) -> {
						if (method.getName().equals("log") && methodArgs != null && methodArgs.length > 0) {
							Object message = methodArgs[0];
							System.err.println((message instanceof byte[] bytes)
									? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(message));
							return null;
						}
						return switch (method.getName()) {
							case "toString" -> "LocalLambdaLogger";
							case "hashCode" -> System.identityHashCode(proxy);
							case "equals" -> proxy == methodArgs[0];
							default -> null;
						};
					});
		}

	}

}
