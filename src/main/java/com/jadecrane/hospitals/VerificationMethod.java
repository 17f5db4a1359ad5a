package com.jadecrane.hospitals;

/** How the facts of a profile were checked. */
enum VerificationMethod {
    SITE_VISIT, VIDEO_CALL, DOCUMENT_CHECK, PHONE
}
