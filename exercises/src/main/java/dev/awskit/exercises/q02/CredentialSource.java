package dev.awskit.exercises.q02;

/**
 * Names a place where the AWS SDK for Java v2 can find credentials.
 *
 * <p>The constants are declared in alphabetical order. That order says nothing about the order
 * in which the SDK checks them; finding that order is the exercise.
 */
public enum CredentialSource {

  /**
   * Credentials served to a container by the ECS or EKS credentials endpoint, whose address the
   * variables {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} or
   * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} give.
   */
  CONTAINER_CREDENTIALS,

  /**
   * The environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and,
   * for temporary credentials, {@code AWS_SESSION_TOKEN}.
   */
  ENVIRONMENT_VARIABLES,

  /**
   * The role of an EC2 instance (its instance profile), read from the instance metadata service
   * (IMDS).
   */
  INSTANCE_PROFILE,

  /**
   * The shared files {@code ~/.aws/credentials} and {@code ~/.aws/config}, for the profile that
   * {@code AWS_PROFILE} names or the {@code default} profile; a profile may also use SSO,
   * assume a role or run a credentials process.
   */
  PROFILE_FILES,

  /**
   * The Java system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey} and
   * {@code aws.sessionToken}.
   */
  SYSTEM_PROPERTIES,

  /**
   * A web identity token read from the file that {@code AWS_WEB_IDENTITY_TOKEN_FILE} names and
   * exchanged for the role {@code AWS_ROLE_ARN} through STS (for example EKS service accounts).
   */
  WEB_IDENTITY_TOKEN
}
