#!/usr/bin/env bash
# Times one training epoch of the hand-written RNN and LSTM against the NumPy version of the lab,
# back to back on this machine, and prints the ratios; then times the DJL LSTM.
#
# Usage: bench/compare.sh [path/to/numpy_reference.py]
# Needs python3 with NumPy for the reference; the Java side builds with the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
reference=${1:-../shared/bench/numpy_reference.py}
if [[ ! -f "$reference" ]]; then
  echo "compare.sh: NumPy reference not found at $reference; pass its path as the first argument" >&2
  exit 2
fi

./mvnw -q -B -pl solution test-compile
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
./mvnw -q -B -pl solution dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >/dev/null
classpath="solution/target/classes:solution/target/test-classes:$(cat "$classpath_file")"

per_epoch() {  # the sec_per_epoch figure of a NumPy run's output, or the seconds divided by epochs
  local output=$1 epochs=$2
  local value
  value=$(grep -o 'sec_per_epoch=[0-9.]*' <<<"$output" | tail -n 1 | cut -d= -f2)
  if [[ -z "$value" ]]; then
    value=$(grep -o 'seconds=[0-9.]*' <<<"$output" | tail -n 1 | cut -d= -f2)
    value=$(python3 -c "print($value / $epochs)")
  fi
  echo "$value"
}

for model in rnn lstm; do
  if [[ $model == rnn ]]; then numpy_epochs=100; else numpy_epochs=20; fi
  numpy_output=$(python3 "$reference" --model "$model" --epochs "$numpy_epochs")
  numpy_seconds=$(per_epoch "$numpy_output" "$numpy_epochs")
  java_output=$(java -cp "$classpath" rnnlab.bench.EpochBenchmark "$model" 50 20)
  java_seconds=$(grep -o 'sec_per_epoch=[0-9.]*' <<<"$java_output" | cut -d= -f2)
  ratio=$(python3 -c "print(f'{$numpy_seconds / $java_seconds:.1f}')")
  echo "model=$model numpy_sec_per_epoch=$numpy_seconds java_sec_per_epoch=$java_seconds speedup=${ratio}x"
done

# The DJL LSTM on the PyTorch engine, for the comparison with the framework (20 epochs, Adam).
djl_output=$(java -cp "$classpath" rnnlab.djl.DjlEpochBenchmark lstm 20 2>/dev/null)
djl_seconds=$(grep -o 'sec_per_epoch=[0-9.]*' <<<"$djl_output" | tail -n 1 | cut -d= -f2)
echo "model=djl java_sec_per_epoch=$djl_seconds"
