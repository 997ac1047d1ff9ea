/**
 * Every UI string, keyed once. zh-CN is the reference dictionary: its keys define
 * `MessageKey`, and the English dictionary must cover exactly the same keys.
 * `{name}` placeholders are filled by `useT()`.
 */
const zhCN = {
  'app.title': '金安 Command',
  'app.subtitle': '安全生产应急指挥一张图',

  'locale.label': '界面语言',
  'locale.zh-CN': '中文',
  'locale.en': 'EN',

  'map.label': '地图',
  'map.basemapFallback': '离线底图暂不可用，当前显示简化底图',
  'map.zoomIn': '放大',
  'map.zoomOut': '缩小',
  'map.resetBearing': '指北',
  'map.attribution': '数据来源说明',

  'layers.title': '图层',
  'layers.expand': '展开图层列表',
  'layers.collapse': '收起图层列表',
  'layers.countInView': '视野内数量',
  'layers.zoomIn': '放大到 {zoom} 级显示',
  'layers.provinces': '省级行政区',
  'layers.cities': '市级行政区（陕西）',
  'layers.counties': '县级行政区',

  'panel.close': '关闭',
  'panel.pin': '固定面板',
  'panel.unpin': '取消固定',
  'panel.loading': '正在加载…',
  'panel.error': '加载失败：{detail}',
  'panel.notFound': '未找到该记录',

  'level.national': '国家',
  'level.province': '省级',
  'level.city': '市级',
  'level.county': '县级',

  'region.code': '区划代码',
  'region.level': '级别',
  'region.area': '面积',
  'region.areaValue': '{value} km²',
  'region.parents': '上级区划',
  'region.noParents': '无',
  'region.children': '下级区划',
  'region.childrenCount': '共 {count} 个',
  'region.noChildren': '无下级区划',
  'region.source': '数据来源：{source}（{crs} 已转换为 WGS84）',
  'region.openPanel': '查看 {name}',
} as const

export type MessageKey = keyof typeof zhCN
export type Dictionary = Record<MessageKey, string>

const en: Dictionary = {
  'app.title': 'Jin’an Command',
  'app.subtitle': 'Work-safety emergency command map',

  'locale.label': 'Interface language',
  'locale.zh-CN': '中文',
  'locale.en': 'EN',

  'map.label': 'Map',
  'map.basemapFallback': 'Offline basemap unavailable — showing a plain background',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.resetBearing': 'Reset bearing to north',
  'map.attribution': 'Toggle attribution',

  'layers.title': 'Layers',
  'layers.expand': 'Show layer list',
  'layers.collapse': 'Hide layer list',
  'layers.countInView': 'Count in view',
  'layers.zoomIn': 'Zoom in to {zoom} to see',
  'layers.provinces': 'Provinces',
  'layers.cities': 'Cities (Shaanxi)',
  'layers.counties': 'Counties',

  'panel.close': 'Close',
  'panel.pin': 'Pin panel',
  'panel.unpin': 'Unpin panel',
  'panel.loading': 'Loading…',
  'panel.error': 'Could not load: {detail}',
  'panel.notFound': 'Not found',

  'level.national': 'National',
  'level.province': 'Province',
  'level.city': 'City',
  'level.county': 'County',

  'region.code': 'Code',
  'region.level': 'Level',
  'region.area': 'Area',
  'region.areaValue': '{value} km²',
  'region.parents': 'Part of',
  'region.noParents': 'None',
  'region.children': 'Subdivisions',
  'region.childrenCount': '{count} in total',
  'region.noChildren': 'No subdivisions',
  'region.source': 'Source: {source} ({crs} converted to WGS84)',
  'region.openPanel': 'Open {name}',
}

export const locales = ['zh-CN', 'en'] as const
export type Locale = (typeof locales)[number]

export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en }
