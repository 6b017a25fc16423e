import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'

/** Says how an export went; loaded with the export it reports on, so the screens that offer one do without it until then. */
export function exportNotice(kind: 'success' | 'warning', text: string) {
  ElMessage({ type: kind, message: text, showClose: true, duration: kind === 'warning' ? 0 : 4000 })
}
