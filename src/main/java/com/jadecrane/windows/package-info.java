/**
 * Consultation windows and their seats: windows (one or a recurring series), the allocation of
 * waitlist entries to seats (by {@code windowAllocationJob} or by hand), seat holds that lapse or
 * are declined, and what each allocation run decided. Public API: {@link com.jadecrane.windows.SeatHolds}
 * (for the invitations) and the events {@link com.jadecrane.windows.WindowCreated},
 * {@link com.jadecrane.windows.WindowSeriesCreated}, {@link com.jadecrane.windows.WindowUpdated},
 * {@link com.jadecrane.windows.WindowStatusChanged}, {@link com.jadecrane.windows.AllocationOverridden},
 * {@link com.jadecrane.windows.SeatConfirmed}, {@link com.jadecrane.windows.SeatReleased},
 * {@link com.jadecrane.windows.AllocationRunCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation windows")
package com.jadecrane.windows;
