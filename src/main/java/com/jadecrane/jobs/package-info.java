/**
 * Batch operations: launching, watching, stopping and restarting the Spring Batch jobs (API, ops
 * console, command line), their cron schedules (once per firing across instances, pausable), and
 * recovery of executions left behind by a crashed process. The jobs themselves live in their
 * modules; this module only needs them to be {@code Job} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Batch operations")
package com.jadecrane.jobs;
