package com.jadecrane.hospitals;

/** How a patient can ask follow-up questions after the opinion is delivered. */
enum FollowUpChannel {
    EMAIL, VIDEO, MESSAGING, PHONE, NONE
}
