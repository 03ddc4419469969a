package dev.awskit.grader.hidden.q97;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** Stubs a client by hand, as a question package must not: the architecture test's target. */
final class HandStubbedClient {

  private HandStubbedClient() {}

  static SqsClient stubbed() {
    SqsClient sqs = mock(SqsClient.class);
    when(sqs.sendMessage(org.mockito.ArgumentMatchers.any(SendMessageRequest.class)))
        .thenReturn(SendMessageResponse.builder().build());
    return sqs;
  }
}
