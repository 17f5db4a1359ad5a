package com.jadecrane.system;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class DemoDataCondition extends NoDataSourceUrlCondition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return super.matches(context, metadata)
                && context.getEnvironment().getProperty("jadecrane.demo-data", Boolean.class, true);
    }
}
