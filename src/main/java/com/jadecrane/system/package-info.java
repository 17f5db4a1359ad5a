/**
 * Cross-cutting plumbing every module uses: the embedded PostgreSQL, the data folder, API error
 * responses (RFC 9457 problem details), paging, and serving the admin UI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.jadecrane.system;
