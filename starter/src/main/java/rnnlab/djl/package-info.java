/**
 * The LSTM built with DJL on its PyTorch engine (exercises K and L), and a GRU in its place
 * (exercise M).
 *
 * <p>DJL works on whole arrays ({@code NDArray}) in native memory. A sequence is a batch of one
 * with shape (batch, time, feature): (1, T, V) for the one-hot inputs and for the logits. Every
 * native array belongs to an {@code NDManager}, and closing the manager frees its arrays. So
 * each training step and each prediction runs in a sub-manager of its own.
 *
 * <pre>
 * lab (rnnlab.lstm)        DJL parameter     PyTorch name    shape   meaning
 * W_i, W_f, W_g, W_o on x  l_0_i2h_WEIGHT    weight_ih_l0    4H×V    gates stacked i, f, g, o
 * W_i, W_f, W_g, W_o on h  l_0_h2h_WEIGHT    weight_hh_l0    4H×H    gates stacked i, f, g, o
 * b_i, b_f, b_g, b_o       l_0_i2h_BIAS      bias_ih_l0      4H      added to the next one
 *                          l_0_h2h_BIAS      bias_hh_l0      4H
 * W_v                      weight (output)   weight          V×H     linear output layer
 * b_v                      (none)                                    the DJL network has no b_v
 * </pre>
 *
 * <p>The GRU keeps the same names with three gates, stacked r, z, n as in PyTorch, so its
 * matrices have 3H rows.
 */
package rnnlab.djl;
