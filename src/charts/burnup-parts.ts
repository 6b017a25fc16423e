import { use } from 'echarts/core'
import { LineChart } from 'echarts/charts'
import { MarkLineComponent } from 'echarts/components'

/** The series of the burn-up chart (src/charts/burnup.ts). */
use([LineChart, MarkLineComponent])
