package com.jadecrane.hospitals;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A department or team, with the specialty codes (cancer types) whose cases it reviews. */
record Department(
        @NotBlank @Size(max = 200) String name,
        List<@NotBlank String> specialties,
        @Size(max = 2000) String notes) {

    Department {
        specialties = specialties == null ? List.of() : specialties;
    }
}
