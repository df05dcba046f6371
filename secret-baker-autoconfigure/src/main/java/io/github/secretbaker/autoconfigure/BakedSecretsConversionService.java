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

package io.github.secretbaker.autoconfigure;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.ConfigurableConversionService;

/**
 * The bean factory's conversion service, wrapped so that a failure to convert a baked
 * secret, or a part of one (such as {@code @Value("${DB_PORT}") int port}, or an element
 * of a list), names the secret instead of carrying its value or the message of the
 * failure: Spring copies that message into the exception it logs at WARN level when the
 * context fails to start.
 */
final class BakedSecretsConversionService implements ConfigurableConversionService {

	private final ConfigurableConversionService delegate;

	private final BakedSecretsRedactor secrets;

	BakedSecretsConversionService(ConfigurableConversionService delegate, BakedSecretsRedactor secrets) {
		this.delegate = delegate;
		this.secrets = secrets;
	}

	@Override
	public boolean canConvert(@Nullable Class<?> sourceType, Class<?> targetType) {
		return this.delegate.canConvert(sourceType, targetType);
	}

	@Override
	public boolean canConvert(@Nullable TypeDescriptor sourceType, TypeDescriptor targetType) {
		return this.delegate.canConvert(sourceType, targetType);
	}

	@Override
	public <T> @Nullable T convert(@Nullable Object source, Class<T> targetType) {
		try {
			return this.delegate.convert(source, targetType);
		}
		catch (ConversionFailedException ex) {
			throw redact(ex);
		}
	}

	@Override
	public @Nullable Object convert(@Nullable Object source, TypeDescriptor targetType) {
		try {
			return this.delegate.convert(source, targetType);
		}
		catch (ConversionFailedException ex) {
			throw redact(ex);
		}
	}

	@Override
	public @Nullable Object convert(@Nullable Object source, @Nullable TypeDescriptor sourceType,
			TypeDescriptor targetType) {
		try {
			return this.delegate.convert(source, sourceType, targetType);
		}
		catch (ConversionFailedException ex) {
			throw redact(ex);
		}
	}

	@Override
	public void addConverter(Converter<?, ?> converter) {
		this.delegate.addConverter(converter);
	}

	@Override
	public <S, T> void addConverter(Class<S> sourceType, Class<T> targetType,
			Converter<? super S, ? extends T> converter) {
		this.delegate.addConverter(sourceType, targetType, converter);
	}

	@Override
	public void addConverter(GenericConverter converter) {
		this.delegate.addConverter(converter);
	}

	@Override
	public void addConverterFactory(ConverterFactory<?, ?> factory) {
		this.delegate.addConverterFactory(factory);
	}

	@Override
	public void removeConvertible(Class<?> sourceType, Class<?> targetType) {
		this.delegate.removeConvertible(sourceType, targetType);
	}

	private ConversionException redact(ConversionFailedException ex) {
		Set<String> names = this.secrets.findSecretsIn(ex);
		if (names.isEmpty()) {
			return ex;
		}
		return BakedSecretConversionException.of(names, ex.getTargetType().getResolvableType().toString(), ex);
	}

	@Override
	public String toString() {
		return "BakedSecretsConversionService[" + this.delegate + "]";
	}

	/**
	 * A secret that failed to convert or to bind, which carries neither its value nor the
	 * message of the failure, in which the value may be in a form that cannot be
	 * recognized (trimmed, stripped of its whitespace, split into tokens). It is not a
	 * {@link ConversionFailedException}, whose value the bean factory would pass on to a
	 * property editor, whose own failure message would show it.
	 */
	static final class BakedSecretConversionException extends ConversionException {

		private static final long serialVersionUID = 1L;

		private BakedSecretConversionException(String message) {
			super(message);
		}

		/**
		 * Return the exception that replaces the given failure to convert secrets.
		 * @param names the names of the secrets
		 * @param target what they failed to convert to
		 * @param failure the failure, whose type and stack trace are kept, and whose
		 * messages and causes are dropped
		 * @return the exception
		 */
		static BakedSecretConversionException of(Set<String> names, String target, Throwable failure) {
			Throwable cause = failure;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			BakedSecretConversionException exception = new BakedSecretConversionException(
					"Failed to convert the value of baked secret " + String.join(", ", names) + " to " + target + " ("
							+ cause.getClass().getName() + ", whose message is not shown because it may "
							+ "hold the value)");
			exception.setStackTrace(failure.getStackTrace());
			return exception;
		}

	}

}
