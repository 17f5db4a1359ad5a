package com.jadecrane.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Demo content (the sample guide, fictional hospitals) is loaded only in the embedded default run
 * (no {@code SPRING_DATASOURCE_URL}) unless {@code jadecrane.demo-data=false}; never on a real server
 * and never in the tests, which run on their own database URL. Loaders also check that their tables
 * are empty, so demo data arrives only on a new database.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(DemoDataCondition.class)
public @interface ConditionalOnDemoData {
}
