/**
 * Hospital profiles and their verification: what Jade Crane checked about a hospital (department
 * fit, records review, pathology and imaging access, translated summaries, follow-up), when and how
 * it was verified, the evidence, and when that verification lapses. The public site only ever sees
 * currently verified profiles. Other modules use {@link com.jadecrane.hospitals.HospitalDirectory}
 * and the events {@link com.jadecrane.hospitals.HospitalVerified},
 * {@link com.jadecrane.hospitals.HospitalStatusChanged} and
 * {@link com.jadecrane.hospitals.HospitalVerificationExpired}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hospitals")
package com.jadecrane.hospitals;
