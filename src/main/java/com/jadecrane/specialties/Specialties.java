package com.jadecrane.specialties;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the specialty list; the other modules validate codes against it. */
@Service
public class Specialties {

    private final JdbcClient jdbc;

    Specialties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Specialty> all() {
        return jdbc.sql("select code, name, active, sort_order from specialty order by sort_order, code")
                .query(Specialty.class).list();
    }

    public Optional<Specialty> find(String code) {
        return jdbc.sql("select code, name, active, sort_order from specialty where code = ?").param(code)
                .query(Specialty.class).optional();
    }

    /** Whether new data (a sign-up, a window, a guide) may be filed under this code. */
    public boolean isActive(String code) {
        return code != null && find(code).map(Specialty::active).orElse(false);
    }
}
