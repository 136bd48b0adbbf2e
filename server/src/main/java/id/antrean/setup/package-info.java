/**
 * The first start without the demo: the one-time setup code printed at start ({@link id.antrean.setup.SetupCode})
 * and {@code POST /api/v1/setup}, which spends it to create the first operator ({@link id.antrean.setup.FirstOperator}).
 */
package id.antrean.setup;
