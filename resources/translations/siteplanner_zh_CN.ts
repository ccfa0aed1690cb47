<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Background image not found: {0}</source>
        <translation>找不到底图：{0}</translation>
    </message>
    <message>
        <source>Cannot read background image {0}: {1}</source>
        <translation>无法读取底图 {0}：{1}</translation>
    </message>
    <message>
        <source>Calibrate: click the first of two points a known distance apart.</source>
        <translation>校准：单击已知距离的两点中的第一点。</translation>
    </message>
    <message>
        <source>Align: click a point on the image.</source>
        <translation>对齐：单击图像上的一点。</translation>
    </message>
    <message>
        <source>Import a background image for this level first.</source>
        <translation>请先为本楼层导入底图。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Calibrate: click the second point.</source>
        <translation>校准：单击第二点。</translation>
    </message>
    <message>
        <source>Align: click where that point belongs on the plan.</source>
        <translation>对齐：单击该点在平面图上应在的位置。</translation>
    </message>
    <message>
        <source>Align background</source>
        <translation>对齐底图</translation>
    </message>
    <message>
        <source>Calibrate background</source>
        <translation>校准底图</translation>
    </message>
    <message>
        <source>Background scale set: {0} per pixel.</source>
        <translation>底图比例已设置：每像素 {0}。</translation>
    </message>
    <message>
        <source>Calibrate background scale</source>
        <translation>校准底图比例</translation>
    </message>
    <message>
        <source>Currently: {0}</source>
        <translation>当前：{0}</translation>
    </message>
    <message>
        <source>e.g. 5.4 m or 17' 8"</source>
        <translation>例如 5.4 m 或 17' 8"</translation>
    </message>
    <message>
        <source>Real distance between the points:</source>
        <translation>两点之间的实际距离：</translation>
    </message>
    <message>
        <source>Type a length, such as 5.4 or 5.4 m.</source>
        <translation>请输入长度，例如 5.4 或 5.4 m。</translation>
    </message>
    <message>
        <source>The distance must be greater than zero.</source>
        <translation>距离必须大于零。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Calibrate…</source>
        <translation>校准…</translation>
    </message>
    <message>
        <source>Align…</source>
        <translation>对齐…</translation>
    </message>
    <message>
        <source>Click a point on the image, then where it belongs on the plan</source>
        <translation>单击图像上的一点，再单击它在平面图上的位置</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>No background image for this level.</source>
        <translation>本楼层没有底图。</translation>
    </message>
    <message>
        <source>{0}, {1} per pixel</source>
        <translation>{0}，每像素 {1}</translation>
    </message>
    <message>
        <source>Import background plan</source>
        <translation>导入底图</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot read image {0}: {1}</source>
        <translation>无法读取图像 {0}：{1}</translation>
    </message>
    <message>
        <source>Import background</source>
        <translation>导入底图</translation>
    </message>
    <message>
        <source>Remove background</source>
        <translation>移除底图</translation>
    </message>
    <message>
        <source>Rotate background</source>
        <translation>旋转底图</translation>
    </message>
    <message>
        <source>Background opacity</source>
        <translation>底图不透明度</translation>
    </message>
    <message>
        <source>Background plan</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Dome</source>
        <translation>半球</translation>
    </message>
    <message>
        <source>Bullet</source>
        <translation>枪机</translation>
    </message>
    <message>
        <source>Turret</source>
        <translation>筒型半球</translation>
    </message>
    <message>
        <source>Access terminal</source>
        <translation>门禁终端</translation>
    </message>
    <message>
        <source>Varifocal</source>
        <translation>变焦</translation>
    </message>
    <message>
        <source>Camera model: {0}</source>
        <translation>摄像机型号：{0}</translation>
    </message>
    <message>
        <source>Choose camera model</source>
        <translation>选择摄像机型号</translation>
    </message>
    <message>
        <source>Filter: dome, 8 MP, varifocal…</source>
        <translation>筛选：dome、8 MP、varifocal…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>H × V field of view</source>
        <translation>水平 × 垂直视场角</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Face rec.</source>
        <translation>人脸识别</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>焦距</translation>
    </message>
    <message>
        <source>The model fills the camera's field of view, resolution, range and face recognition; values typed in the camera's properties still override it.</source>
        <translation>型号会填入摄像机的视场角、分辨率、距离和人脸识别；在摄像机属性中输入的值仍优先于型号。</translation>
    </message>
    <message>
        <source>Field of view {0:.1f}° × {1:.1f}°</source>
        <translation>视场角 {0:.1f}° × {1:.1f}°</translation>
    </message>
    <message>
        <source>Choose camera &amp;model…</source>
        <translation>选择摄像机型号(&amp;M)…</translation>
    </message>
    <message>
        <source>Fill the selected cameras' optics from the camera catalogue</source>
        <translation>用摄像机目录填写所选摄像机的光学参数</translation>
    </message>
    <message>
        <source>Camera catalogue</source>
        <translation>摄像机目录</translation>
    </message>
    <message>
        <source>Choose from catalogue…</source>
        <translation>从目录选择型号…</translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation>摄像机(&amp;C)</translation>
    </message>
    <message>
        <source>door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>采集区</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私密区</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>排除区</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公共场所</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部场所</translation>
    </message>
    <message>
        <source>polygon</source>
        <translation>多边形</translation>
    </message>
    <message>
        <source>rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>detection</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>recognition</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>identification</source>
        <translation>辨认</translation>
    </message>
    <message>
        <source>True</source>
        <translation>是</translation>
    </message>
    <message>
        <source>False</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>辨认</translation>
    </message>
    <message>
        <source>restroom</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>changing_room</source>
        <translation>更衣室</translation>
    </message>
    <message>
        <source>bathhouse</source>
        <translation>浴室</translation>
    </message>
    <message>
        <source>guest_room</source>
        <translation>客房</translation>
    </message>
    <message>
        <source>dormitory</source>
        <translation>宿舍</translation>
    </message>
    <message>
        <source>lactation_room</source>
        <translation>母婴室</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Metric (m)</source>
        <translation>公制 (m)</translation>
    </message>
    <message>
        <source>Imperial (ft-in)</source>
        <translation>英制 (英尺-英寸)</translation>
    </message>
    <message>
        <source>Imperial (decimal ft)</source>
        <translation>英制 (小数英尺)</translation>
    </message>
    <message>
        <source>Display units</source>
        <translation>显示单位</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>SitePlanner plans (*.siteplan *.json);;All files (*)</source>
        <translation>SitePlanner 平面图 (*.siteplan *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {0}?</source>
        <translation>保存对 {0} 的更改吗？</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <source>SitePlanner found unsaved changes to this plan from an earlier session ({0}). Recover them?</source>
        <translation>SitePlanner 发现此平面图在上次会话中有未保存的更改（{0}）。要恢复吗？</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>打开平面图</translation>
    </message>
    <message>
        <source>Save plan as</source>
        <translation>平面图另存为</translation>
    </message>
    <message>
        <source>Thickness (m)</source>
        <translation>厚度 (m)</translation>
    </message>
    <message>
        <source>See-through</source>
        <translation>透明</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>高度 (m)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Required DORI</source>
        <translation>要求的 DORI 等级</translation>
    </message>
    <message>
        <source>Private type</source>
        <translation>私密类型</translation>
    </message>
    <message>
        <source>Pan (°)</source>
        <translation>水平角 (°)</translation>
    </message>
    <message>
        <source>Tilt (°)</source>
        <translation>俯角 (°)</translation>
    </message>
    <message>
        <source>Horizontal FOV (°)</source>
        <translation>水平视场角 (°)</translation>
    </message>
    <message>
        <source>Vertical FOV (°)</source>
        <translation>垂直视场角 (°)</translation>
    </message>
    <message>
        <source>Range (m)</source>
        <translation>距离 (m)</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>人脸识别</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Facing (°)</source>
        <translation>朝向 (°)</translation>
    </message>
    <message>
        <source>Width (m)</source>
        <translation>宽度 (m)</translation>
    </message>
    <message>
        <source>Mount height (m)</source>
        <translation>安装高度 (m)</translation>
    </message>
    <message>
        <source>Covers cameras</source>
        <translation>覆盖的摄像机</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Camera schedule</source>
        <translation>摄像机清单</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>场所(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Import Drawing…</source>
        <translation>导入图纸(&amp;I)…</translation>
    </message>
    <message>
        <source>A DXF drawing or a PDF floor plan under the level, to trace over</source>
        <translation>将 DXF 图纸或 PDF 平面图放在楼层下方，用于描图</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;Coverage</source>
        <translation>显示覆盖范围(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Organisation, rule pack, densities, coverage target and units</source>
        <translation>组织信息、规则包、像素密度、覆盖目标和单位</translation>
    </message>
    <message>
        <source>Show &amp;DORI Bands</source>
        <translation>显示 DORI 等级(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;Privacy Intrusions</source>
        <translation>显示隐私侵入(&amp;P)</translation>
    </message>
    <message>
        <source>Show &amp;Blind Spots</source>
        <translation>显示盲区(&amp;B)</translation>
    </message>
    <message>
        <source>Show &amp;Grid</source>
        <translation>显示网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About SitePlanner</source>
        <translation>关于 SitePlanner(&amp;A)</translation>
    </message>
    <message>
        <source>Tool options</source>
        <translation>工具选项</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>门窗</translation>
    </message>
    <message>
        <source>Obstacle height</source>
        <translation>障碍物高度</translation>
    </message>
    <message>
        <source>Snap to grid</source>
        <translation>吸附网格</translation>
    </message>
    <message>
        <source>Snap to walls</source>
        <translation>吸附墙体</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <source>Analysis failed: {0}</source>
        <translation>分析失败：{0}</translation>
    </message>
    <message>
        <source>{0} cameras · {1} errors · {2} warnings</source>
        <translation>{0} 台摄像机 · {1} 个错误 · {2} 个警告</translation>
    </message>
    <message>
        <source>Findings ({0})</source>
        <translation>检查结果 ({0})</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>删除 {0} 个</translation>
    </message>
    <message>
        <source>That action failed and was undone; the plan is unchanged ({0})</source>
        <translation>该操作失败，已撤消；平面图未被更改（{0}）</translation>
    </message>
    <message>
        <source>Cannot paste: {0}</source>
        <translation>无法粘贴：{0}</translation>
    </message>
    <message>
        <source>Paste {0}</source>
        <translation>粘贴 {0} 个</translation>
    </message>
    <message>
        <source>this plan</source>
        <translation>此平面图</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>无法打开平面图</translation>
    </message>
    <message>
        <source>Plan already open</source>
        <translation>平面图已打开</translation>
    </message>
    <message>
        <source>{0} is open in another SitePlanner ({1}). If both save, the later save replaces the other's changes. Open it anyway?</source>
        <translation>{0} 已在另一个 SitePlanner 中打开（{1}）。如果两边都保存，后保存的会覆盖另一边的修改。仍要打开吗？</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The built-in sample cannot be overwritten.</source>
        <translation>内置示例不能被覆盖。</translation>
    </message>
    <message>
        <source>Cannot save plan</source>
        <translation>无法保存平面图</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Discard all changes since {0} was saved?</source>
        <translation>放弃自 {0} 上次保存以来的所有更改吗？</translation>
    </message>
    <message>
        <source>Cannot revert</source>
        <translation>无法还原</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <source>About SitePlanner</source>
        <translation>关于 SitePlanner</translation>
    </message>
    <message>
        <source>Plan security cameras, prove what each sees, print the signs the rules ask for.</source>
        <translation>规划监控摄像机，证明每台摄像机看到的范围，打印法规要求的提示标识。</translation>
    </message>
    <message>
        <source>Obstacle</source>
        <translation>障碍物</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>平面图名称</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>规则包</translation>
    </message>
    <message>
        <source>public_safety</source>
        <translation>公共安全</translation>
    </message>
    <message>
        <source>internal_management</source>
        <translation>内部管理</translation>
    </message>
    <message>
        <source>management</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>access_control</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>staff_management</source>
        <translation>员工管理</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>Level {0}</source>
        <translation>楼层 {0}</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>添加楼层</translation>
    </message>
    <message>
        <source>Rename level</source>
        <translation>重命名楼层</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>删除楼层</translation>
    </message>
    <message>
        <source>{0} objects selected</source>
        <translation>已选择 {0} 个对象</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>平面图</translation>
    </message>
    <message>
        <source>{0} (not installed)</source>
        <translation>{0}（未安装）</translation>
    </message>
    <message>
        <source>from model</source>
        <translation>取自型号</translation>
    </message>
    <message>
        <source>{0}: not a valid value: {1}</source>
        <translation>{0}：无效的值：{1}</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>编辑 {0}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>错误和警告</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>显示 {0} / {1} 条</translation>
    </message>
    <message>
        <source>Height m</source>
        <translation>高度 m</translation>
    </message>
    <message>
        <source>Pan °</source>
        <translation>水平角 °</translation>
    </message>
    <message>
        <source>Tilt °</source>
        <translation>俯角 °</translation>
    </message>
    <message>
        <source>HFOV °</source>
        <translation>水平视场角 °</translation>
    </message>
    <message>
        <source>Range m</source>
        <translation>距离 m</translation>
    </message>
    <message>
        <source>Coverage m²</source>
        <translation>覆盖 m²</translation>
    </message>
    <message>
        <source>Detection m²</source>
        <translation>探测 m²</translation>
    </message>
    <message>
        <source>Observation m²</source>
        <translation>观察 m²</translation>
    </message>
    <message>
        <source>Recognition m²</source>
        <translation>识别 m²</translation>
    </message>
    <message>
        <source>Identification m²</source>
        <translation>辨认 m²</translation>
    </message>
    <message>
        <source>Click to select, Ctrl+click to add, drag to move, drag a box to select several</source>
        <translation>单击选择，Ctrl+单击加选，拖动移动，框选多个对象</translation>
    </message>
    <message>
        <source>Rotate camera</source>
        <translation>旋转摄像机</translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation>移动顶点</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>微移</translation>
    </message>
    <message>
        <source>{0}   length {1}</source>
        <translation>{0}   长度 {1}</translation>
    </message>
    <message>
        <source>Not created: {0}</source>
        <translation>未创建：{0}</translation>
    </message>
    <message>
        <source>Draw wall</source>
        <translation>绘制墙</translation>
    </message>
    <message>
        <source>Obstacle: click the corners, double-click or Enter to finish</source>
        <translation>障碍物：单击各角点，双击或按 Enter 结束</translation>
    </message>
    <message>
        <source>Draw obstacle</source>
        <translation>绘制障碍物</translation>
    </message>
    <message>
        <source>Zone: click the corners (or two corners of a rectangle), Enter to finish</source>
        <translation>区域：单击各角点（或矩形的两个对角），按 Enter 结束</translation>
    </message>
    <message>
        <source>Draw zone</source>
        <translation>绘制区域</translation>
    </message>
    <message>
        <source>Door/window: click on a wall</source>
        <translation>门窗：在墙上单击</translation>
    </message>
    <message>
        <source>Click on a wall to place a door or window</source>
        <translation>在墙上单击以放置门或窗</translation>
    </message>
    <message>
        <source>Place door</source>
        <translation>放置门</translation>
    </message>
    <message>
        <source>Place window</source>
        <translation>放置窗</translation>
    </message>
    <message>
        <source>Camera: click to place (on a wall: placed on its face)</source>
        <translation>摄像机：单击放置（在墙上时放在墙面上）</translation>
    </message>
    <message>
        <source>Place camera</source>
        <translation>放置摄像机</translation>
    </message>
    <message>
        <source>Sign: click to place</source>
        <translation>标识：单击放置</translation>
    </message>
    <message>
        <source>Place sign</source>
        <translation>放置标识</translation>
    </message>
    <message>
        <source>Measure: click two points</source>
        <translation>测量：单击两点</translation>
    </message>
    <message>
        <source>Distance {0}</source>
        <translation>距离 {0}</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Door/Window</source>
        <translation>门窗</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>One sign per page</source>
        <translation>每页一块标识</translation>
    </message>
    <message>
        <source>Several per sheet, with cut marks</source>
        <translation>每张多块，带裁切线</translation>
    </message>
    <message>
        <source>Accept suggested sign</source>
        <translation>接受建议的标识</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Add the sign legend (where each sign goes)</source>
        <translation>附加标识图例（每个标识的位置）</translation>
    </message>
    <message>
        <source>Export signs</source>
        <translation>导出标识</translation>
    </message>
    <message>
        <source>No signs</source>
        <translation>没有标识</translation>
    </message>
    <message>
        <source>Print signs</source>
        <translation>打印标识</translation>
    </message>
    <message>
        <source>Print Si&amp;gns…</source>
        <translation>打印标识(&amp;G)…</translation>
    </message>
    <message>
        <source>Export Signs &amp;PDF…</source>
        <translation>导出标识 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export Repor&amp;t…</source>
        <translation>导出报告(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;CSV Camera Schedule…</source>
        <translation>CSV 摄像机清单(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;GeoJSON…</source>
        <translation>GeoJSON(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;DXF…</source>
        <translation>DXF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;PNG Image…</source>
        <translation>PNG 图像(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;SVG Drawing…</source>
        <translation>SVG 图纸(&amp;S)…</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>导出仍在进行中。</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <source>Written to {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <source>{0}: folder {1} does not exist</source>
        <translation>{0}:文件夹 {1} 不存在</translation>
    </message>
    <message>
        <source>Sign &amp;Suggestions</source>
        <translation>标识建议(&amp;S)</translation>
    </message>
    <message>
        <source>Accept All Sign Suggestions</source>
        <translation>接受全部标识建议</translation>
    </message>
    <message>
        <source>Privacy intrusion</source>
        <translation>隐私侵入</translation>
    </message>
    <message>
        <source>Blind spot</source>
        <translation>盲区</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>一个命名管道</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>一个符号链接</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>一个特殊文件</translation>
    </message>
    <message>
        <source>{0}
It could not be moved aside and stays as it is: {1}</source>
        <translation>{0}
无法将其移到一旁，保持原样：{1}</translation>
    </message>
    <message>
        <source>{0}
It was kept as {1}</source>
        <translation>{0}
已保留为 {1}</translation>
    </message>
    <message>
        <source>{0} is {1}</source>
        <translation>{0} 是{1}</translation>
    </message>
    <message>
        <source>permission denied: the file cannot be read</source>
        <translation>权限不足：无法读取该文件</translation>
    </message>
    <message>
        <source>cannot be read ({0})</source>
        <translation>无法读取（{0}）</translation>
    </message>
    <message>
        <source>is {0}, not a recovery file</source>
        <translation>是{0}，不是恢复文件</translation>
    </message>
    <message>
        <source>is too large to be a recovery file</source>
        <translation>太大，不可能是恢复文件</translation>
    </message>
    <message>
        <source>The recovery file {0} is {1}, not a file SitePlanner wrote.</source>
        <translation>恢复文件 {0} 是{1}，不是 SitePlanner 写入的文件。</translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered: {0}</source>
        <translation>无法恢复未保存的修改：{0}</translation>
    </message>
    <message>
        <source>process {0} on {1}</source>
        <translation>{1} 上的进程 {0}</translation>
    </message>
    <message>
        <source>font for Chinese and Latin text on signs and in the editor</source>
        <translation>标志和编辑器中的中文与拉丁文字体</translation>
    </message>
    <message>
        <source>windows, drawing and printing</source>
        <translation>窗口、绘图和打印</translation>
    </message>
    <message>
        <source>Qt for Python</source>
        <translation>Qt 的 Python 接口</translation>
    </message>
    <message>
        <source>the language SitePlanner is written in</source>
        <translation>SitePlanner 的编程语言</translation>
    </message>
    <message>
        <source>geometry</source>
        <translation>几何计算</translation>
    </message>
    <message>
        <source>geometry engine under Shapely</source>
        <translation>Shapely 底层的几何引擎</translation>
    </message>
    <message>
        <source>numerical arrays</source>
        <translation>数值数组</translation>
    </message>
    <message>
        <source>PDF output of signs and reports</source>
        <translation>标志和报告的 PDF 输出</translation>
    </message>
    <message>
        <source>reading and checking plan files</source>
        <translation>读取和校验规划文件</translation>
    </message>
    <message>
        <source>DXF drawings</source>
        <translation>DXF 图纸</translation>
    </message>
    <message>
        <source>Bundled fonts and libraries</source>
        <translation>随附的字体和库</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>The font's licence texts: {0}</source>
        <translation>字体的许可证文本：{0}</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>运营者名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Purpose of the cameras</source>
        <translation>摄像机用途</translation>
    </message>
    <message>
        <source>Privacy notice URL</source>
        <translation>隐私告知网址</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>数据保护负责人</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Imperial (ft)</source>
        <translation>英制 (ft)</translation>
    </message>
    <message>
        <source>Site Settings</source>
        <translation>场所设置</translation>
    </message>
    <message>
        <source>Organisation (printed on the signs)</source>
        <translation>组织信息（印在标识上）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Target height</source>
        <translation>目标高度</translation>
    </message>
    <message>
        <source> px/m</source>
        <translation> 像素/米</translation>
    </message>
    <message>
        <source>rule pack's target</source>
        <translation>规则包的目标</translation>
    </message>
    <message>
        <source>Coverage target</source>
        <translation>覆盖目标</translation>
    </message>
    <message>
        <source>Sign viewing distance</source>
        <translation>标识观看距离</translation>
    </message>
    <message>
        <source>Import Drawing</source>
        <translation>导入图纸</translation>
    </message>
    <message>
        <source>Reading the drawing…</source>
        <translation>正在读取图纸…</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>图元</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Import to</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>This level ({0})</source>
        <translation>当前楼层（{0}）</translation>
    </message>
    <message>
        <source>A new level</source>
        <translation>新楼层</translation>
    </message>
    <message>
        <source>{0} layers. Check each layer's role, the units and the size.</source>
        <translation>{0} 个图层。请检查每个图层的用途、单位和尺寸。</translation>
    </message>
    <message>
        <source>guessed from its size: the drawing names no units</source>
        <translation>根据尺寸推断：图纸未指定单位</translation>
    </message>
    <message>
        <source>as the drawing says, but {0} across is no floor: drawn in {1}?</source>
        <translation>按图纸所注，但宽 {0} 不像一层楼：是否以 {1} 绘制？</translation>
    </message>
    <message>
        <source>as the drawing says</source>
        <translation>按图纸所注</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import drawing {0}</source>
        <translation>导入图纸 {0}</translation>
    </message>
    <message>
        <source>Imported {0}: {1} × {2}; {3}</source>
        <translation>已导入 {0}：{1} × {2}；{3}</translation>
    </message>
    <message>
        <source>{0} pages. The page becomes this level's background image: calibrate it next.</source>
        <translation>共 {0} 页。所选页将作为本楼层的底图，接下来请校准。</translation>
    </message>
    <message>
        <source>{0} × {1} mm sheet, rendered at {2} dpi ({3} × {4} pixels)</source>
        <translation>{0} × {1} mm 图幅，以 {2} dpi 渲染（{3} × {4} 像素）</translation>
    </message>
    <message>
        <source>Rendering page {0}…</source>
        <translation>正在渲染第 {0} 页…</translation>
    </message>
    <message>
        <source>Import PDF page</source>
        <translation>导入 PDF 页面</translation>
    </message>
    <message>
        <source>Page {0} of {1} imported as the background at 1:{2}: calibrate it now.</source>
        <translation>{1} 的第 {0} 页已按 1:{2} 导入为底图：请立即校准。</translation>
    </message>
    <message>
        <source>Drawings (*.dxf *.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图纸 (*.dxf *.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Change site settings</source>
        <translation>更改场所设置</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>未识别</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>column / obstacle</source>
        <translation>柱 / 障碍物</translation>
    </message>
    <message>
        <source>room boundary</source>
        <translation>房间边界</translation>
    </message>
    <message>
        <source>room name text</source>
        <translation>房间名称文字</translation>
    </message>
    <message>
        <source>ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Hide All</source>
        <translation>全部隐藏</translation>
    </message>
    <message>
        <source>No drawing under this level: File ▸ Import Drawing…</source>
        <translation>此楼层下没有图纸：文件 ▸ 导入图纸…</translation>
    </message>
    <message>
        <source>Imported as: {0}</source>
        <translation>导入为：{0}</translation>
    </message>
    <message>
        <source>Drawing underlay</source>
        <translation>图纸底图</translation>
    </message>
    <message>
        <source>Show or hide underlay layers</source>
        <translation>显示或隐藏底图图层</translation>
    </message>
    <message>
        <source>Remove drawing underlay</source>
        <translation>移除图纸底图</translation>
    </message>
    <message>
        <source>&amp;Isolate Selected Camera</source>
        <translation>单独显示所选摄像机(&amp;I)</translation>
    </message>
    <message>
        <source>Show only the selected camera's view (Esc shows every camera)</source>
        <translation>只显示所选摄像机的视野(按 Esc 显示全部摄像机)</translation>
    </message>
    <message>
        <source>Showing only {0} — Esc shows every camera</source>
        <translation>仅显示 {0} — 按 Esc 显示全部摄像机</translation>
    </message>
    <message>
        <source>Select one camera to isolate its view</source>
        <translation>请选择一台摄像机以单独显示其视野</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <source>copy of the sample, not saved</source>
        <translation>示例的副本，未保存</translation>
    </message>
    <message>
        <source>Getting Started</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>This is the sample plan. Its problems are deliberate: start with the Findings list on the right and click a finding to see it on the plan. Save asks for a new file; the sample itself is never changed.</source>
        <translation>这是示例平面图，其中的问题是有意设置的：从右侧的“检查结果”列表开始，点击一条结果即可在平面图上看到它。保存时会要求选择新文件，示例本身不会被更改。</translation>
    </message>
    <message>
        <source>Hide this note</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <source>&amp;Requirement View</source>
        <translation>达标视图(&amp;R)</translation>
    </message>
    <message>
        <source>Paint each collection zone green where it is covered at its required density, red where it is not</source>
        <translation>将每个采集区按要求的像素密度着色：达到的部分为绿色，未达到的部分为红色</translation>
    </message>
    <message>
        <source>{0} % at {1}</source>
        <translation>{0} % 达到{1}</translation>
    </message>
    <message>
        <source>{0} % covered</source>
        <translation>{0} % 已覆盖</translation>
    </message>
    <message>
        <source>(target {0} %)</source>
        <translation>(目标 {0} %)</translation>
    </message>
    <message>
        <source>Chinese and English</source>
        <translation>中文和英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Rule pack: {0}</source>
        <translation>规则包：{0}</translation>
    </message>
    <message>
        <source>The report checks the plan against the plan's rule pack.</source>
        <translation>报告按方案所用的规则包检查方案。</translation>
    </message>
    <message>
        <source>Export cancelled: {0} was not written</source>
        <translation>导出已取消：未写入 {0}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Place Cameras…</source>
        <translation>自动布置摄像机(&amp;P)…</translation>
    </message>
    <message>
        <source>Propose the fewest cameras that cover the chosen zones without seeing into a private zone</source>
        <translation>提出覆盖所选区域所需最少的摄像机，且不拍到任何私密区域</translation>
    </message>
    <message>
        <source>Sampling the zones</source>
        <translation>正在对区域取样</translation>
    </message>
    <message>
        <source>Trying mounts</source>
        <translation>正在试算安装位置</translation>
    </message>
    <message>
        <source>First choice</source>
        <translation>初步方案</translation>
    </message>
    <message>
        <source>Searching for fewer cameras</source>
        <translation>正在寻找更少摄像机的方案</translation>
    </message>
    <message>
        <source>Checking the result</source>
        <translation>正在核查结果</translation>
    </message>
    <message>
        <source>Place Cameras</source>
        <translation>自动布置摄像机</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Zones to cover</source>
        <translation>要覆盖的区域</translation>
    </message>
    <message>
        <source>{0} (plan)</source>
        <translation>{0}（方案）</translation>
    </message>
    <message>
        <source>{0} (catalogue)</source>
        <translation>{0}（产品目录）</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Mount height</source>
        <translation>安装高度</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>At most (cameras)</source>
        <translation>最多（台）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间上限</translation>
    </message>
    <message>
        <source>Keep the cameras there</source>
        <translation>保留现有摄像机</translation>
    </message>
    <message>
        <source>Replace them</source>
        <translation>替换现有摄像机</translation>
    </message>
    <message>
        <source>Existing cameras</source>
        <translation>现有摄像机</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the search and keep the best choice found so far</source>
        <translation>结束搜索，保留目前找到的最佳方案</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>The plan has no level.</source>
        <translation>方案中没有楼层。</translation>
    </message>
    <message>
        <source>Choose at least one collection zone to cover.</source>
        <translation>请至少选择一个要覆盖的采集区域。</translation>
    </message>
    <message>
        <source>Choose at least one camera model.</source>
        <translation>请至少选择一种摄像机型号。</translation>
    </message>
    <message>
        <source>Stopping: checking the best choice found so far…</source>
        <translation>正在停止：核查目前找到的最佳方案…</translation>
    </message>
    <message>
        <source>best so far: {0}</source>
        <translation>目前最佳：{0}</translation>
    </message>
    <message>
        <source>lower bound: {0}</source>
        <translation>下界：{0}</translation>
    </message>
    <message>
        <source>Stopped before any choice of cameras was found.</source>
        <translation>在找到任何方案之前已停止。</translation>
    </message>
    <message>
        <source>Placement failed: {0}</source>
        <translation>布置失败：{0}</translation>
    </message>
    <message>
        <source>{0} cameras proposed (a simple greedy choice: {1}); lower bound {2}, gap {3} %.</source>
        <translation>建议 {0} 台摄像机（简单贪心方案：{1} 台）；下界 {2}，差距 {3} %。</translation>
    </message>
    <message>
        <source>{0}: {1} % covered (target {2} %)</source>
        <translation>{0}：覆盖 {1} %（目标 {2} %）</translation>
    </message>
    <message>
        <source>The check found faults, so the result cannot be accepted: {0}</source>
        <translation>核查发现问题，结果不能接受：{0}</translation>
    </message>
    <message>
        <source>No camera to add.</source>
        <translation>没有要添加的摄像机。</translation>
    </message>
    <message>
        <source>The plan changed since the placement started: place again.</source>
        <translation>布置开始后方案已更改：请重新布置。</translation>
    </message>
    <message>
        <source>Place {0} cameras</source>
        <translation>布置 {0} 台摄像机</translation>
    </message>
    <message>
        <source>Place cameras</source>
        <translation>布置摄像机</translation>
    </message>
    <message>
        <source>Cut depth (m)</source>
        <translation>开洞深度 (m)</translation>
    </message>
    <message>
        <source>Import &amp;Background Image…</source>
        <translation>导入背景图像(&amp;B)…</translation>
    </message>
    <message>
        <source>A scanned or exported floor plan under the shown level</source>
        <translation>在当前楼层下方显示扫描或导出的平面图</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制副本(&amp;U)</translation>
    </message>
    <message>
        <source>Rotate 90° &amp;Left</source>
        <translation>向左旋转 90°(&amp;L)</translation>
    </message>
    <message>
        <source>Rotate 90° &amp;Right</source>
        <translation>向右旋转 90°(&amp;R)</translation>
    </message>
    <message>
        <source>Rotate &amp;By…</source>
        <translation>按角度旋转(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Add Level</source>
        <translation>添加楼层(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Duplicate Level</source>
        <translation>复制楼层(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;name Level…</source>
        <translation>重命名楼层(&amp;N)…</translation>
    </message>
    <message>
        <source>Re&amp;move Level…</source>
        <translation>删除楼层(&amp;M)…</translation>
    </message>
    <message>
        <source>Move Level &amp;Up</source>
        <translation>上移楼层(&amp;U)</translation>
    </message>
    <message>
        <source>Move Level Do&amp;wn</source>
        <translation>下移楼层(&amp;W)</translation>
    </message>
    <message>
        <source>The walls of the level below, faintly, under the shown level</source>
        <translation>在当前楼层下方淡淡显示下一层的墙体</translation>
    </message>
    <message>
        <source>{0} (copy)</source>
        <translation>{0}(副本)</translation>
    </message>
    <message>
        <source>Duplicate level</source>
        <translation>复制楼层</translation>
    </message>
    <message>
        <source>A plan keeps at least one level</source>
        <translation>平面图至少保留一个楼层</translation>
    </message>
    <message>
        <source>Remove level {0} and the {1} objects on it? (Edit ▸ Undo brings it back.)</source>
        <translation>删除楼层 {0} 及其上的 {1} 个对象?(可用 编辑 ▸ 撤销 恢复。)</translation>
    </message>
    <message>
        <source>Move level up</source>
        <translation>上移楼层</translation>
    </message>
    <message>
        <source>Move level down</source>
        <translation>下移楼层</translation>
    </message>
    <message>
        <source>Floor below: {0}</source>
        <translation>下层楼面:{0}</translation>
    </message>
    <message>
        <source>How deep the opening cuts through the wall, across it: at least the wall's thickness, or the wall stays closed there</source>
        <translation>洞口横穿墙体的深度:至少等于墙厚,否则该处墙体仍视为封闭</translation>
    </message>
    <message>
        <source>The opening's width along the wall; both ends move about its centre</source>
        <translation>洞口沿墙方向的宽度;两端围绕中心同时移动</translation>
    </message>
    <message>
        <source>Field of view {0}° (this edge only)</source>
        <translation>视场角 {0}°(仅移动此边)</translation>
    </message>
    <message>
        <source>Field of view {0}° (symmetric)</source>
        <translation>视场角 {0}°(左右对称)</translation>
    </message>
    <message>
        <source>Change field of view</source>
        <translation>修改视场角</translation>
    </message>
    <message>
        <source>Range {0}</source>
        <translation>距离 {0}</translation>
    </message>
    <message>
        <source>Change range</source>
        <translation>修改距离</translation>
    </message>
    <message>
        <source>Tilt {0}° down</source>
        <translation>俯角 {0}°</translation>
    </message>
    <message>
        <source>Change tilt</source>
        <translation>修改俯角</translation>
    </message>
    <message>
        <source>Wall: click points (or type a length, Tab for an angle, then Enter), double-click or Enter to finish, Esc to cancel, Shift for 45°</source>
        <translation>墙:单击各点(或输入长度,按 Tab 输入角度,再按 Enter),双击或按 Enter 结束,Esc 取消,按住 Shift 锁定 45°</translation>
    </message>
    <message>
        <source>a wall's length must be more than 0</source>
        <translation>墙的长度必须大于 0</translation>
    </message>
    <message>
        <source>Length {0}{1} {2}   Angle {3}{4}°</source>
        <translation>长度 {0}{1} {2}   角度 {3}{4}°</translation>
    </message>
    <message>
        <source>Not a length or angle: {0}</source>
        <translation>不是有效的长度或角度:{0}</translation>
    </message>
    <message>
        <source>See-through opening</source>
        <translation>洞口设为透视</translation>
    </message>
    <message>
        <source>Opaque opening</source>
        <translation>洞口设为不透视</translation>
    </message>
    <message>
        <source>Duplicate {0}</source>
        <translation>复制 {0} 个对象</translation>
    </message>
    <message>
        <source>Rotate by {0}°</source>
        <translation>旋转 {0}°</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Angle (°, counter-clockwise; negative turns clockwise):</source>
        <translation>角度(°,逆时针;负值为顺时针):</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>属性(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Frame</source>
        <translation>缩放到此(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Isolate View</source>
        <translation>单独显示视野(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;See-Through</source>
        <translation>可透视(&amp;S)</translation>
    </message>
    <message>
        <source>Drag: field of view, symmetric about the pan (Alt: this edge only)</source>
        <translation>拖动:视场角,围绕水平朝向对称(按住 Alt:仅移动此边)</translation>
    </message>
    <message>
        <source>Drag: range</source>
        <translation>拖动:距离</translation>
    </message>
    <message>
        <source>Drag: tilt (where the view's centre meets the target height)</source>
        <translation>拖动:俯角(视野中心到达目标高度的位置)</translation>
    </message>
    <message>
        <source>The notice on the signs is incomplete: {0} missing.

A sign must tell people who operates the cameras, how to reach them, why they record and how long recordings are kept. Fill these in under Site ▸ Settings, or print a proof marked DRAFT / 草稿, which is not to be put up.</source>
        <translation>标识上的告知内容不完整：缺少{0}。

标识必须告诉人们摄像机由谁运营、如何联系、为何录像以及录像保存多久。请在“场所 ▸ 设置”中填写，或打印标有“草稿 DRAFT”的校样（不可张贴）。</translation>
    </message>
    <message>
        <source>Open Site Settings</source>
        <translation>打开场所设置</translation>
    </message>
    <message>
        <source>Print as Draft</source>
        <translation>打印为草稿</translation>
    </message>
    <message>
        <source>Export as Draft</source>
        <translation>导出为草稿</translation>
    </message>
    <message>
        <source>Level &amp;Elevation…</source>
        <translation>楼层标高(&amp;E)…</translation>
    </message>
    <message>
        <source>Fr&amp;ame Selection</source>
        <translation>缩放到所选(&amp;A)</translation>
    </message>
    <message>
        <source>Level elevation</source>
        <translation>楼层标高</translation>
    </message>
    <message>
        <source>Elevation of {0} (m):</source>
        <translation>{0} 的标高 (m):</translation>
    </message>
    <message>
        <source>Show Floor B&amp;elow</source>
        <translation>显示下层楼面(&amp;E)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Seen, below detection density</source>
        <translation>可见，但低于探测密度</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖范围</translation>
    </message>
    <message>
        <source>Covered at the zone's required density</source>
        <translation>达到区域要求的密度</translation>
    </message>
    <message>
        <source>Not covered at the required density</source>
        <translation>未达到要求的密度</translation>
    </message>
    <message>
        <source>{0} (from {1:g} px/m)</source>
        <translation>{0}(自 {1:g} 像素/米)</translation>
    </message>
    <message>
        <source>toilet</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>locker_room</source>
        <translation>更衣室</translation>
    </message>
    <message>
        <source>shower</source>
        <translation>淋浴间</translation>
    </message>
    <message>
        <source>sauna</source>
        <translation>桑拿房</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>区域边缘</translation>
    </message>
    <message>
        <source>car_park</source>
        <translation>停车场</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用性质</translation>
    </message>
    <message>
        <source>Records sound</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Hidden or discreet</source>
        <translation>隐蔽安装</translation>
    </message>
    <message>
        <source>Viewing distance (m)</source>
        <translation>观看距离 (m)</translation>
    </message>
    <message>
        <source>the open distance in front of the sign</source>
        <translation>标识前方的开阔距离</translation>
    </message>
    <message>
        <source>Suggested sign ({0}): announces {1}. Double-click to add it, drag to move, right-click to reject.</source>
        <translation>建议的标识（{0}）：告知 {1}。双击添加，拖动可移动，右键可拒绝。</translation>
    </message>
    <message>
        <source>Sign suggestions are off for levels with more than {0} cameras; use siteplanner signs --suggested</source>
        <translation>摄像机超过 {0} 台的楼层不显示标识建议；请使用 siteplanner signs --suggested</translation>
    </message>
    <message>
        <source>Add sign {0}</source>
        <translation>添加标识 {0}</translation>
    </message>
    <message>
        <source>No sign suggestions on this level.</source>
        <translation>本楼层没有标识建议。</translation>
    </message>
    <message>
        <source>Accept {0} sign suggestions</source>
        <translation>接受 {0} 条标识建议</translation>
    </message>
    <message>
        <source>{0} signs added</source>
        <translation>已添加 {0} 块标识</translation>
    </message>
    <message>
        <source>This plan has no signs yet. Accept suggested signs or place signs first.</source>
        <translation>此平面图还没有标识。请先接受建议的标识或放置标识。</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Signs written to {0} ({1} pages)</source>
        <translation>标识已写入 {0}（{1} 页）</translation>
    </message>
    <message>
        <source>Why faces are recognised</source>
        <translation>人脸识别的目的</translation>
    </message>
    <message>
        <source>Other way to verify identity</source>
        <translation>其他身份核验方式</translation>
    </message>
    <message>
        <source>Elevation (m)</source>
        <translation>标高 (m)</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Face data kept</source>
        <translation>人脸信息保存期限</translation>
    </message>
    <message>
        <source>Organisation in other languages</source>
        <translation>组织信息的其他语言版本</translation>
    </message>
    <message>
        <source>A sign printed in one of these languages uses these words; where a cell is empty it prints the organisation's field as typed on the first page.</source>
        <translation>以这些语言印制的标识使用此处的文字；单元格为空时，印出第一页中填写的组织信息。</translation>
    </message>
    <message>
        <source>Levels and camera models</source>
        <translation>楼层和摄像机型号</translation>
    </message>
    <message>
        <source>Camera models (the cameras' own values override them)</source>
        <translation>摄像机型号（摄像机自身的值优先）</translation>
    </message>
    <message>
        <source>Levels, {0}, {1}: not a valid value: {2}</source>
        <translation>楼层 {0} 的{1}：不是有效的值：{2}</translation>
    </message>
    <message>
        <source>Camera models, {0}, {1}: not a valid value: {2}</source>
        <translation>摄像机型号 {0} 的{1}：不是有效的值：{2}</translation>
    </message>
    <message>
        <source>coverage {0} m²</source>
        <translation>覆盖 {0} m²</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>美国信纸</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Sill height (m)</source>
        <translation>窗台高度 (m)</translation>
    </message>
    <message>
        <source>Height of a see-through window's sill above the floor: sight lines passing at or below it are blocked by the wall under the window (0 for a window down to the floor; doors have none)</source>
        <translation>透明窗窗台距地面的高度：从窗台高度或更低处穿过的视线被窗下的墙体遮挡（落地窗为 0；门没有窗台）</translation>
    </message>
</context>
</TS>
