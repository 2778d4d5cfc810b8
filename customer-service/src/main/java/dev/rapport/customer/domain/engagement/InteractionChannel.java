package dev.rapport.customer.domain.engagement;

/** Where the contact happened. Wire names: phone, email, sms, meeting, chat, social, other. */
public enum InteractionChannel {
    PHONE, EMAIL, SMS, MEETING, CHAT, SOCIAL, OTHER
}
