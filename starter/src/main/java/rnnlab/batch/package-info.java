/**
 * Mini-batches for the hand-written RNN and LSTM (optional exercise G): B sequences at once,
 * one column per sequence, so that every step is a matrix-matrix product.
 *
 * <h2>Notation</h2>
 *
 * <p>The names of {@code rnnlab}, in capitals where a vector becomes a matrix of columns.
 *
 * <pre>
 * symbol     code                     shape      meaning
 * B          batch.size()                        sequences in the batch
 * k_t        batch.activeCount(t)                sequences longer than t, the first k_t columns
 * X_t        batch.inputs(t)          V×k_t      one-hot inputs of step t
 * H_t        hidden                   H×k_t      hidden states; H_0 = 0
 * C_t        cell                     H×k_t      LSTM cell states; C_0 = 0
 * Y_t        probabilities            V×k_t      softmax of each column
 * b 1ᵀ       Columns.repeated(b, k)   H×k        a bias added to every column
 * </pre>
 *
 * <h2>Sequences of different lengths</h2>
 *
 * <p>A {@link rnnlab.batch.SequenceBatch} pads its sequences to the longest and masks the
 * padding. It sorts them longest first, so that the mask of each step covers a prefix of the
 * columns, and it keeps only that prefix: step t works on k_t columns, and H_{t-1} is cut to its
 * first k_t columns before use. A padded position therefore adds nothing to the loss or to the
 * gradients, and a finished sequence's state is not computed further. Going backwards, the
 * gradient carried into step t gets zero columns for the sequences that end there.
 *
 * <h2>Loss and gradients</h2>
 *
 * <p>The loss of a batch is the sum of its sequences' losses, Σ_b Σ_t -ln y_t[target_t], and the
 * gradient is its exact derivative: the sum of the one-sequence gradients. For one sequence the
 * batched passes give the numbers of {@code Rnn} and {@code Lstm} bit for bit. The training
 * loop, {@link rnnlab.train.BatchTrainer}, divides by the batch size before clipping.
 */
package rnnlab.batch;
