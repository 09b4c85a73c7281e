// Where an appended evidence page is drawn in its frame (assemble.server.ts): scaled to fit, at the top, centred, and
// the right way up whatever its /Rotate.
import { expect } from 'chai';
import { placeInFrame } from '#app/domain/portfolio/assemble.server.ts';

const apply = ([a, b, c, d, e, f]: number[], [u, v]: [number, number]) => [a! * u + c! * v + e!, b! * u + d! * v + f!].map((value) => Math.round(value * 1000) / 1000);

describe('evidence pages in their frames', () => {
  const frame = { x1: 45, y1: 60, x2: 550, y2: 760 };

  it('fits an upright A4 page to the frame’s height, centred across it', () => {
    const { matrix, box } = placeInFrame({ width: 595, height: 842, rotation: 0 }, frame);
    expect(box.height).to.be.closeTo(700, 0.001);
    expect(box.y + box.height).to.be.closeTo(760, 0.001);
    expect(box.x - frame.x1).to.be.closeTo(frame.x2 - (box.x + box.width), 0.001);
    expect(apply(matrix, [0, 842])).to.deep.equal([Math.round(box.x * 1000) / 1000, 760]);
  });

  it('shows a page turned by /Rotate as a viewer would: its top-left corner at the shown top-left', () => {
    // The page's own top-left corner (0, height) is where a viewer shows it after turning it clockwise.
    const page = { width: 595, height: 842 };
    const expected: Record<number, (box: { x: number; y: number; width: number; height: number }) => number[]> = {
      90: (box) => [box.x + box.width, box.y + box.height],
      180: (box) => [box.x + box.width, box.y],
      270: (box) => [box.x, box.y],
      [-90]: (box) => [box.x, box.y],
    };
    for (const rotation of [90, 180, 270, -90]) {
      const { matrix, box } = placeInFrame({ ...page, rotation }, frame);
      const round = (values: number[]) => values.map((value) => Math.round(value * 1000) / 1000);
      expect(apply(matrix, [0, page.height]), `rotation ${rotation}`).to.deep.equal(round(expected[rotation]!(box)));
      // Every corner of the page lands on a corner of the box it is given.
      const corners = new Set(([[0, 0], [page.width, 0], [0, page.height], [page.width, page.height]] as [number, number][]).map((corner) => apply(matrix, corner).join(',')));
      const boxCorners = new Set([[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]].map((corner) => round(corner).join(',')));
      expect([...corners].sort(), `rotation ${rotation}`).to.deep.equal([...boxCorners].sort());
      if (rotation % 180) expect(box.width).to.be.greaterThan(box.height);
    }
  });
});
