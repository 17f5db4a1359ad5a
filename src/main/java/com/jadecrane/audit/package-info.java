/**
 * The audit log: every event a module publishes (a past-tense record in a {@code com.jadecrane}
 * package) is written down with who, when and from which address, in an append-only table. The
 * module depends on no other module: new events are audited without changes here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.jadecrane.audit;
