/**
 * The managed list of specialties. Guides, hospitals, the waitlist and consultation windows refer
 * to a specialty by its {@code code}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Specialties")
package com.jadecrane.specialties;
