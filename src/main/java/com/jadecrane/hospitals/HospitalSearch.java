package com.jadecrane.hospitals;

/** The admin list's filters; null means "any". */
record HospitalSearch(String q, HospitalStatus status, String city, String specialty, Integer expiringWithinDays) {

    HospitalSearch {
        q = q == null || q.isBlank() ? null : q.trim();
        city = city == null || city.isBlank() ? null : city.trim();
        specialty = specialty == null || specialty.isBlank() ? null : specialty.trim();
    }
}
