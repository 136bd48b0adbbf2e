package id.antrean.kiosk.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The kiosk webcam's 1280x720 view of a phone held in front of it: a room behind, the phone projected
 * through a pinhole camera (in-plane rotation, then a tilt about an axis in the screen's plane), then what
 * happens in the lens and sensor: glare on the glass, defocus blur, noise, and JPEG compression.
 * Frames are packed RGB ints, row-major.
 */
final class CameraScene {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    /** Focal length in pixels of a typical 70° webcam at 1280 px; also the phone's distance, in the same units. */
    private static final double FOCAL = 1000;

    /** Where and how the phone is held: the QR's centre in the frame, its side in pixels, and the angles. */
    record Pose(double qrCentreX, double qrCentreY, double qrSide, double rotationDeg, double tiltDeg,
            double tiltAxisDeg) {
    }

    private CameraScene() {
    }

    static int[] room(Random random) {
        int[] frame = new int[WIDTH * HEIGHT];
        int[] top = {150 + random.nextInt(80), 140 + random.nextInt(80), 120 + random.nextInt(80)};
        int[] bottom = {60 + random.nextInt(60), 55 + random.nextInt(60), 50 + random.nextInt(60)};
        for (int y = 0; y < HEIGHT; y++) {
            double t = (double) y / HEIGHT;
            int rgb = rgb(lerp(top[0], bottom[0], t), lerp(top[1], bottom[1], t), lerp(top[2], bottom[2], t));
            Arrays.fill(frame, y * WIDTH, (y + 1) * WIDTH, rgb);
        }
        // Posters, a door, a shelf: edges and flat areas like those behind a real kiosk.
        int shapes = 3 + random.nextInt(5);
        for (int i = 0; i < shapes; i++) {
            int w = 60 + random.nextInt(300);
            int h = 60 + random.nextInt(300);
            int x0 = random.nextInt(WIDTH - w);
            int y0 = random.nextInt(HEIGHT - h);
            int rgb = rgb(40 + random.nextInt(200), 40 + random.nextInt(200), 40 + random.nextInt(200));
            for (int y = y0; y < y0 + h; y++) {
                Arrays.fill(frame, y * WIDTH + x0, y * WIDTH + x0 + w, rgb);
            }
        }
        return frame;
    }

    /**
     * Draws the phone into the frame as the camera sees it. Each frame pixel is mapped back onto the phone
     * through the inverse homography and sampled 2x2 times, so small codes get the area averaging a real
     * sensor does instead of aliasing.
     */
    static void placePhone(int[] frame, PhoneScreenshot.Rendered rendered, Pose pose) {
        BufferedImage phone = rendered.phone();
        double scale = pose.qrSide() / rendered.qrSide();
        double[][] corners = {{0, 0}, {phone.getWidth(), 0}, {phone.getWidth(), phone.getHeight()},
                {0, phone.getHeight()}};
        double[][] projected = new double[4][];
        for (int i = 0; i < 4; i++) {
            projected[i] = project((corners[i][0] - rendered.qrCentreX()) * scale,
                    (corners[i][1] - rendered.qrCentreY()) * scale, pose);
        }
        Homography frameToPhone = Homography.mapping(projected, corners);
        int minX = WIDTH;
        int minY = HEIGHT;
        int maxX = 0;
        int maxY = 0;
        for (double[] p : projected) {
            minX = Math.min(minX, (int) Math.floor(p[0]));
            minY = Math.min(minY, (int) Math.floor(p[1]));
            maxX = Math.max(maxX, (int) Math.ceil(p[0]));
            maxY = Math.max(maxY, (int) Math.ceil(p[1]));
        }
        int[] argb = phone.getRGB(0, 0, phone.getWidth(), phone.getHeight(), null, 0, phone.getWidth());
        PhoneSampler sampler = new PhoneSampler(argb, phone.getWidth(), phone.getHeight());
        double[] source = new double[2];
        for (int y = Math.max(0, minY); y < Math.min(HEIGHT, maxY + 1); y++) {
            for (int x = Math.max(0, minX); x < Math.min(WIDTH, maxX + 1); x++) {
                sampler.reset();
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        frameToPhone.apply(x + 0.25 + 0.5 * sx, y + 0.25 + 0.5 * sy, source);
                        sampler.add(source[0], source[1]);
                    }
                }
                if (sampler.alpha > 0) {
                    frame[y * WIDTH + x] = sampler.over(frame[y * WIDTH + x], 4);
                }
            }
        }
    }

    /** Accumulates bilinear, alpha-weighted samples of the phone image for one frame pixel. */
    private static final class PhoneSampler {
        private final int[] argb;
        private final int width;
        private final int height;
        double alpha;
        private double red;
        private double green;
        private double blue;

        PhoneSampler(int[] argb, int width, int height) {
            this.argb = argb;
            this.width = width;
            this.height = height;
        }

        void reset() {
            alpha = 0;
            red = 0;
            green = 0;
            blue = 0;
        }

        /** Adds the phone's colour at (x, y), pixel centres at half-integers; outside the image is transparent. */
        void add(double x, double y) {
            double fx = x - 0.5;
            double fy = y - 0.5;
            int x0 = (int) Math.floor(fx);
            int y0 = (int) Math.floor(fy);
            double tx = fx - x0;
            double ty = fy - y0;
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    int sx = x0 + dx;
                    int sy = y0 + dy;
                    if (sx < 0 || sy < 0 || sx >= width || sy >= height) {
                        continue;
                    }
                    int p = argb[sy * width + sx];
                    double a = ((p >>> 24) & 0xFF) / 255.0 * (dx == 0 ? 1 - tx : tx) * (dy == 0 ? 1 - ty : ty);
                    alpha += a;
                    red += a * ((p >> 16) & 0xFF);
                    green += a * ((p >> 8) & 0xFF);
                    blue += a * (p & 0xFF);
                }
            }
        }

        /** The mean of {@code samples} samples composited over {@code under}. */
        int over(int under, int samples) {
            double coverage = alpha / samples;
            return rgb((int) Math.round(red / alpha * coverage + ((under >> 16) & 0xFF) * (1 - coverage)),
                    (int) Math.round(green / alpha * coverage + ((under >> 8) & 0xFF) * (1 - coverage)),
                    (int) Math.round(blue / alpha * coverage + (under & 0xFF) * (1 - coverage)));
        }
    }

    /** Screen point (relative to the QR's centre, already scaled) to frame pixel, through the pinhole. */
    static double[] project(double x, double y, Pose pose) {
        double rot = Math.toRadians(pose.rotationDeg());
        double rx = x * Math.cos(rot) - y * Math.sin(rot);
        double ry = x * Math.sin(rot) + y * Math.cos(rot);
        // Rodrigues' rotation about the in-plane axis (kx, ky, 0) by the tilt angle.
        double axis = Math.toRadians(pose.tiltAxisDeg());
        double kx = Math.cos(axis);
        double ky = Math.sin(axis);
        double tilt = Math.toRadians(pose.tiltDeg());
        double dot = kx * rx + ky * ry;
        double cross = kx * ry - ky * rx;
        double px = rx * Math.cos(tilt) + kx * dot * (1 - Math.cos(tilt));
        double py = ry * Math.cos(tilt) + ky * dot * (1 - Math.cos(tilt));
        double pz = cross * Math.sin(tilt);
        double depth = FOCAL / (FOCAL + pz);
        return new double[] {pose.qrCentreX() + px * depth, pose.qrCentreY() + py * depth};
    }

    /** Reflection of a window or ceiling lamp: white added with a smooth elliptical falloff. */
    static void glare(int[] frame, double cx, double cy, double radiusX, double radiusY, double angleDeg, double peak) {
        double angle = Math.toRadians(angleDeg);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double reach = 1.6 * Math.max(radiusX, radiusY);
        for (int y = (int) Math.max(0, cy - reach); y < Math.min(HEIGHT, cy + reach); y++) {
            for (int x = (int) Math.max(0, cx - reach); x < Math.min(WIDTH, cx + reach); x++) {
                double u = ((x - cx) * cos + (y - cy) * sin) / radiusX;
                double v = (-(x - cx) * sin + (y - cy) * cos) / radiusY;
                double alpha = peak * Math.exp(-2.5 * (u * u + v * v));
                int p = frame[y * WIDTH + x];
                frame[y * WIDTH + x] = rgb(brighten((p >> 16) & 0xFF, alpha), brighten((p >> 8) & 0xFF, alpha),
                        brighten(p & 0xFF, alpha));
            }
        }
    }

    /** Separable Gaussian blur of standard deviation {@code sigma}, edges clamped, one channel at a time. */
    static void blur(int[] frame, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            sum += Math.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
        float[][] channels = new float[3][frame.length];
        for (int i = 0; i < frame.length; i++) {
            channels[0][i] = (frame[i] >> 16) & 0xFF;
            channels[1][i] = (frame[i] >> 8) & 0xFF;
            channels[2][i] = frame[i] & 0xFF;
        }
        float[] temp = new float[frame.length];
        for (float[] channel : channels) {
            convolveRows(channel, temp, kernel);
            convolveColumns(temp, channel, kernel);
        }
        for (int i = 0; i < frame.length; i++) {
            frame[i] = rgb(Math.round(channels[0][i]), Math.round(channels[1][i]), Math.round(channels[2][i]));
        }
    }

    private static void convolveRows(float[] in, float[] out, float[] kernel) {
        int radius = kernel.length / 2;
        float[] padded = new float[WIDTH + 2 * radius];
        for (int y = 0; y < HEIGHT; y++) {
            int row = y * WIDTH;
            System.arraycopy(in, row, padded, radius, WIDTH);
            Arrays.fill(padded, 0, radius, in[row]);
            Arrays.fill(padded, radius + WIDTH, padded.length, in[row + WIDTH - 1]);
            for (int x = 0; x < WIDTH; x++) {
                float sum = 0;
                for (int k = 0; k < kernel.length; k++) {
                    sum += kernel[k] * padded[x + k];
                }
                out[row + x] = sum;
            }
        }
    }

    private static void convolveColumns(float[] in, float[] out, float[] kernel) {
        int radius = kernel.length / 2;
        Arrays.fill(out, 0);
        for (int y = 0; y < HEIGHT; y++) {
            int target = y * WIDTH;
            for (int k = 0; k < kernel.length; k++) {
                float weight = kernel[k];
                int source = Math.clamp(y + k - radius, 0, HEIGHT - 1) * WIDTH;
                // Whole rows at a time: the inner loop is contiguous and the JIT vectorises it.
                for (int x = 0; x < WIDTH; x++) {
                    out[target + x] += weight * in[source + x];
                }
            }
        }
    }

    /** Independent Gaussian noise per channel, as a small sensor in a dim room makes. */
    static void noise(int[] frame, double sigma, Random random) {
        // Seeded from the frame's Random, so still deterministic; its ziggurat nextGaussian is much faster.
        SplittableRandom fast = new SplittableRandom(random.nextLong());
        for (int i = 0; i < frame.length; i++) {
            int p = frame[i];
            frame[i] = rgb((int) Math.round(((p >> 16) & 0xFF) + fast.nextGaussian() * sigma),
                    (int) Math.round(((p >> 8) & 0xFF) + fast.nextGaussian() * sigma),
                    (int) Math.round((p & 0xFF) + fast.nextGaussian() * sigma));
        }
    }

    static byte[] jpeg(int[] frame, float quality) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, WIDTH, HEIGHT, frame, 0, WIDTH);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int brighten(int value, double alpha) {
        return (int) Math.round(value + alpha * (255 - value));
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    static int rgb(int r, int g, int b) {
        return (Math.clamp(r, 0, 255) << 16) | (Math.clamp(g, 0, 255) << 8) | Math.clamp(b, 0, 255);
    }
}
