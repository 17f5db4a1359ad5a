/**
 * Staff accounts, roles, sign-in and the rules of who may call what. Other modules only use
 * {@link com.jadecrane.security.Role} and {@link com.jadecrane.security.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.jadecrane.security;
