package io.lanes.subscription.domain;

/**
 * What one delivery attempt got back: the endpoint's HTTP status, or no status and the reason it
 * never answered (refused, timed out, address not allowed).
 */
public record AttemptResult(Integer status, String error) {

    public static AttemptResult answered(int status, String reason) {
        return new AttemptResult(status, status >= 200 && status < 300 ? null : status + " " + reason);
    }

    public static AttemptResult unanswered(String error) {
        return new AttemptResult(null, error);
    }

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    /** 410 Gone: the receiver says the subscription should stop (Standard Webhooks). */
    public boolean gone() {
        return status != null && status == 410;
    }
}
