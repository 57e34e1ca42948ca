/** Spring Boot integration of reaktiv. */
@NullMarked
package io.reaktiv.spring;

import org.jspecify.annotations.NullMarked;
