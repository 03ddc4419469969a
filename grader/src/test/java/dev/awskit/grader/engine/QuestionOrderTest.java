package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import dev.awskit.grader.hidden.TestWatch;
import dev.awskit.grader.hidden.TimeLimitExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Test;

/** Checks the order in which a launch of several questions runs their test classes. */
class QuestionOrderTest {

  @Test
  void runsTheQuestionsInTheRequestsOrderEachQuestionsClassesTogether() {
    // given the request's classes, two packages interleaved, and JUnit's own order
    String requested =
        String.join(
            ",",
            TestWatch.class.getName(),
            Catalog.class.getName(),
            TimeLimitExtension.class.getName());
    List<ClassDescriptor> classes =
        new ArrayList<>(
            List.of(
                described(Catalog.class),
                described(TimeLimitExtension.class),
                described(QuestionOrderTest.class),
                described(TestWatch.class)));
    ClassOrdererContext context = mock(ClassOrdererContext.class);
    doReturn(classes).when(context).getClassDescriptors();
    doReturn(Optional.of(requested))
        .when(context)
        .getConfigurationParameter(QuestionOrder.ORDER_PARAMETER);

    // when
    new QuestionOrder().orderClasses(context);

    // then the first package listed comes first, in the listed order, then the classes unlisted
    assertThat(classes)
        .extracting(ClassDescriptor::getTestClass)
        .containsExactly(
            TestWatch.class, TimeLimitExtension.class, Catalog.class, QuestionOrderTest.class);
  }

  private static ClassDescriptor described(Class<?> type) {
    ClassDescriptor descriptor = mock(ClassDescriptor.class);
    doReturn(type).when(descriptor).getTestClass();
    return descriptor;
  }
}
