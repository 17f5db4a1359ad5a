package com.jadecrane.benchmark;

/** Latency of one API call under concurrent clients, through the real HTTP stack. */
public record LatencyRow(String call, int clients, int requests, double p50Millis, double p95Millis, double maxMillis) {
}
