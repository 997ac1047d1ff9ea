import { defineMessages } from '../define-messages.ts'

/** The screen chrome around the map: top bar, its groups and the phone menu. */
export const chromeMessages = defineMessages(
  {
    'chrome.brandShort': '金安',
    'chrome.menu': '用户与语言',
    'chrome.commandGroup': '指挥',
    'chrome.toolGroup': '工具',
  },
  {
    'chrome.brandShort': 'Jin’an',
    'chrome.menu': 'User and language',
    'chrome.commandGroup': 'Command',
    'chrome.toolGroup': 'Tools',
  },
)
