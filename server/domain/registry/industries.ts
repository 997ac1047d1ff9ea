/** Industries (行业) of supervised enterprises; the sector decides which major-danger list applies. */
export const industries = [
  '煤矿',
  '非煤矿山',
  '危险化学品',
  '烟花爆竹',
  '冶金工贸',
  '其他',
] as const
export type Industry = (typeof industries)[number]
