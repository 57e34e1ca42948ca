/**
 * Use case 4: an API gateway with circuit breaking and adaptive rate limiting. A servlet filter on
 * {@code /api/*} records each call and its outcome into signals; computeds decide each endpoint's circuit state
 * and each client's rate limit; an effect logs circuits opening and closing and clients being throttled. A demo
 * upstream, {@code GET /api/orders}, fails on demand.
 */
@NullMarked
package io.reaktiv.sample.gateway;

import org.jspecify.annotations.NullMarked;
