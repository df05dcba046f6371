package io.github.secretbaker.bake.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Tells whether the standard streams are an interactive terminal.
 */
final class Terminal {

	private Terminal() {
	}

	static boolean isInteractive() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// From Java 22 a console exists even when streams are redirected; isTerminal() tells.
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
