/** Source locale. Every other locale must have exactly these keys (checked by the type of `en` and a unit test). */
const zhCN = {
  app: {
    name: '计划成效看板',
    tagline: '年度计划目标任务完成情况跟踪',
  },
  nav: {
    label: '主导航',
    home: '首页',
    settings: '设置',
  },
  locale: {
    label: '界面语言',
    'zh-CN': '简体中文',
    en: 'English',
  },
  home: {
    title: '欢迎使用计划成效看板',
    intro:
      '把年度工作计划中的量化目标任务（如“组织不少于15次集中学习”）录入系统，随时登记完成情况，对照序时进度查看已完成、序时推进、存在风险和滞后的任务，并为季度调度会生成台账和报告。',
    rolesTitle: '三类使用场景',
    roles: {
      staff: { title: '工作人员', body: '在电脑或手机上快速登记已开展的活动和数据。' },
      leaders: { title: '分管领导', body: '按板块、部门和责任人查看目标任务对照序时进度的情况。' },
      review: { title: '季度调度', body: '冻结一个时段的数据，记录分析和决定，导出台账、Word 报告或打印。' },
    },
    privacy: '所有数据只保存在本机浏览器中，不向任何外部地址发送请求，内网断网也能使用。',
  },
  settings: {
    title: '设置',
    language: '界面语言',
    languageHint: '同时切换日期、表格控件和图表的语言。',
    offline: '离线使用',
    offlineReady: '已缓存，服务器不可用时也能打开',
    offlinePending: '正在准备离线缓存…',
    offlineUnsupported: '当前浏览器或访问方式不支持离线缓存（需要 HTTPS 或本机地址）',
    version: '版本',
  },
  notFound: {
    title: '页面不存在',
    back: '返回首页',
  },
}

export default zhCN
export type MessageSchema = typeof zhCN
