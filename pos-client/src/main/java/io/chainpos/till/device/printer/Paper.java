package io.chainpos.till.device.printer;

/**
 * Receipt paper: how many columns of the printer's standard font (12 x 24 dots) fit across, and how many
 * dots the head prints. A Chinese character takes two columns.
 */
public enum Paper {
    MM58(58, 32, 384),
    MM80(80, 48, 576);

    private final int millimetres;
    private final int columns;
    private final int dots;

    Paper(int millimetres, int columns, int dots) {
        this.millimetres = millimetres;
        this.columns = columns;
        this.dots = dots;
    }

    public int millimetres() {
        return millimetres;
    }

    public int columns() {
        return columns;
    }

    public int dots() {
        return dots;
    }

    /** The paper of this width in millimetres; 58 and 80 are the two receipt rolls. */
    public static Paper ofMillimetres(int millimetres) {
        for (Paper paper : values()) {
            if (paper.millimetres == millimetres) {
                return paper;
            }
        }
        throw new IllegalArgumentException("receipt paper is 58 or 80 mm wide, not " + millimetres);
    }
}
