package dev.rapport.customer.adapter.in.rest.purchase;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordedReturn", description = "The return and the purchase after it")
public record RecordReturnResponse(PurchaseResponse.Return purchaseReturn, PurchaseResponse purchase) {
}
