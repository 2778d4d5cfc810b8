package dev.rapport.customer.domain.consent;

/** How we may reach a customer. Wire names: email, sms, phone, post. */
public enum ConsentChannel {
    EMAIL, SMS, PHONE, POST
}
