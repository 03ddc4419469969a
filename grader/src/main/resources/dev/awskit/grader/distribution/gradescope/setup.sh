#!/usr/bin/env bash
# Prepares Gradescope's autograder image for the AWS SDK kit's grader. Gradescope runs this once,
# as root, when it builds the image. The grader and its libraries already sit in this zip (without
# the reference solution), so what is installed here is what runs the grader and confines it:
#   openjdk-17-jdk-headless  a JDK, not a JRE: the grader compiles the submitted sources
#   bubblewrap               bwrap, which runs the student code in its own user, pid, network and
#                            mount namespaces (isolation level "os")
#   util-linux               setpriv and prlimit, which run it as an unprivileged user with limits
#                            when bwrap cannot start (isolation level "uid"; normally present)
# A tool that is already there is not installed again.
set -euo pipefail

# Prints the major version of the javac on the PATH, or nothing when there is none.
javac_major() {
  command -v javac >/dev/null 2>&1 || return 0
  javac -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p' | head -n 1
}

packages=()
installed="$(javac_major)"
if [[ -n "$installed" && "$installed" -ge 17 ]]; then
  echo "JDK $installed is already installed."
else
  packages+=(openjdk-17-jdk-headless)
fi
if command -v bwrap >/dev/null 2>&1; then
  echo "bubblewrap is already installed."
else
  packages+=(bubblewrap)
fi
if command -v setpriv >/dev/null 2>&1 && command -v prlimit >/dev/null 2>&1; then
  echo "setpriv and prlimit are already installed."
else
  packages+=(util-linux)
fi

if [[ ${#packages[@]} -eq 0 ]]; then
  echo "Nothing to install."
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${packages[@]}"
  apt-get clean
  rm -rf /var/lib/apt/lists/*
fi

java -version

# The hidden tests are in the grader's jar: only root may read the autograder's files, so that a
# worker running as its own uid cannot; the grader hands the workers what they need itself.
chmod -R go-rwx "$(cd "${BASH_SOURCE[0]%/*}" && pwd)"

# Makes the grader's cache in /var/cache/awskit-grader now, after the permissions above (a worker
# must not find a jar linked before they were set): the workers' class path, staged without the
# hidden tests, and their class-data archive, so that every grade starts as fast as a warm one.
# Grading works without it, only slower, so a failure here does not stop the image.
java -jar "$(cd "${BASH_SOURCE[0]%/*}" && pwd)/grader/awskit-grader.jar" prepare \
  || echo "The grader's cache was not made; each grade will make its own."
