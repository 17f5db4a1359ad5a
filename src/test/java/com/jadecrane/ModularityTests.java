package com.jadecrane;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** The top-level packages are modules: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BackofficeApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
