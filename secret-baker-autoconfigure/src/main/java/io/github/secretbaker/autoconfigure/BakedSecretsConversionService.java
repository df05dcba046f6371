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
 * The bean factory's conversion service, wrapped so that a failure to convert a baked secret
 * (such as {@code @Value("${DB_PORT}") int port}) names the secret instead of carrying its
 * value: Spring copies that message into the exception it logs at WARN level when the
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
		Set<String> names = (ex.getValue() != null)
				? this.secrets.findSecretsWhoseValueAppearsIn(ex.getValue().toString()) : Set.of();
		if (names.isEmpty()) {
			return ex;
		}
		Throwable cause = ex.getCause();
		String message = "Failed to convert from type [" + ex.getSourceType() + "] to type [" + ex.getTargetType()
				+ "] for the value of baked secret " + String.join(", ", names)
				+ ((cause != null) ? " (" + cause.getClass().getName() + ": "
						+ this.secrets.redact(String.valueOf(cause.getMessage())) + ")" : "");
		BakedSecretConversionException redacted = new BakedSecretConversionException(message);
		redacted.setStackTrace(ex.getStackTrace());
		return redacted;
	}

	@Override
	public String toString() {
		return "BakedSecretsConversionService[" + this.delegate + "]";
	}

	/**
	 * A secret that failed to convert, with its value redacted from the message. It is not a
	 * {@link ConversionFailedException}, whose value the bean factory would pass on to a
	 * property editor, whose own failure message would show it.
	 */
	static final class BakedSecretConversionException extends ConversionException {

		private static final long serialVersionUID = 1L;

		BakedSecretConversionException(String message) {
			super(message);
		}

	}

}
