package io.github.secretbaker.samples.webhooksigner;

import java.math.BigDecimal;

/**
 * An order whose webhook is to be signed.
 *
 * @param orderId the order id
 * @param amount the amount
 * @param currency the ISO currency code
 * @since 0.1.0
 */
public record OrderEvent(String orderId, BigDecimal amount, String currency) {

}
