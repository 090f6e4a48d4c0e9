import { render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import QrCode from './index';
import { toDarkRuns } from './runs';

describe('toDarkRuns', () => {
  it('collapses each row into its dark stretches with the light gap before each', () => {
    const matrix = [
      [true, true, false, false, true, false],
      [false, false, false, false, false, false],
      [false, true, true, true, true, true],
    ];
    expect(toDarkRuns(matrix)).toEqual([
      [
        { gap: 0, length: 2 },
        { gap: 2, length: 1 },
      ],
      [],
      [{ gap: 1, length: 5 }],
    ]);
  });
});

describe('QrCode', () => {
  it('draws one row per module row, as many dark modules as the encoded matrix, at whole pixels', () => {
    const value = 'pioneer-console:0123456789abcdef';
    const { data } = encode(value, { ecc: 'M', border: 0 });
    const { container } = render(<QrCode value={value} size={200} label="登录二维码" />);

    const rows = container.querySelectorAll<HTMLElement>('.qr-code__row');
    expect(rows).toHaveLength(data.length);
    const cell = parseInt(rows[0].style.height, 10);
    expect(cell).toBe(Math.floor(200 / (data.length + 6)));
    const darkModules = Array.from(container.querySelectorAll<HTMLElement>('.qr-code__dark')).reduce(
      (sum, run) => sum + parseInt(run.style.width, 10) / cell,
      0,
    );
    expect(darkModules).toBe(data.flat().filter(Boolean).length);
    expect(screen.getByLabelText('登录二维码')).toBeTruthy();
  });
});
