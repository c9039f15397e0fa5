<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AccountRoleText</name>
    <message>
        <source>巡查员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>督导</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>展示屏</source>
        <translation>Kiosk</translation>
    </message>
</context>
<context>
    <name>AnswerWordsText</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between the options of a multiple-choice answer</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n 张照片</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>±%1 米</source>
        <translation>±%1 m</translation>
    </message>
</context>
<context>
    <name>BasemapController</name>
    <message>
        <source>手动导入</source>
        <translation>Imported by hand</translation>
    </message>
    <message>
        <source>等待 Wi-Fi 等不计流量的网络再下载（%1）；可在下方允许使用移动数据</source>
        <translation>Waiting for Wi-Fi or another unmetered network to download (%1); mobile data can be allowed below</translation>
    </message>
    <message>
        <source>存储空间不足：需要 %1，只有 %2 可用。请腾出空间，下次同步时再下载</source>
        <translation>Not enough storage: %1 needed, only %2 free. Free some space; it downloads at the next sync</translation>
    </message>
    <message>
        <source>存储空间已满：已下载的 %1 保留，腾出空间后继续下载</source>
        <translation>Storage is full: the %1 downloaded so far is kept, and the download goes on once there is space</translation>
    </message>
    <message>
        <source>下载的底图与校验值不符，已丢弃，下次同步时重新下载</source>
        <translation>The downloaded basemap did not match its checksum and was discarded; it downloads again at the next sync</translation>
    </message>
    <message>
        <source>无法写入底图文件夹：%1</source>
        <translation>Cannot write to the basemap folder: %1</translation>
    </message>
    <message>
        <source>下载已暂停：已下载 %1，共 %2，下次继续</source>
        <translation>Download paused: %1 of %2 downloaded; it goes on next time</translation>
    </message>
    <message>
        <source>下载中断：已下载 %1，共 %2，下次同步时从断点继续</source>
        <translation>Download cut off: %1 of %2 downloaded; it resumes from there at the next sync</translation>
    </message>
    <message>
        <source>此底图无法使用：%1</source>
        <translation>This basemap cannot be used: %1</translation>
    </message>
    <message>
        <source>服务器已不再提供此底图（可能已有更新的底图），下次同步时更新</source>
        <translation>The server no longer offers this basemap (a newer one may have replaced it); updated at the next sync</translation>
    </message>
    <message>
        <source>已下载</source>
        <translation>Downloaded</translation>
    </message>
    <message>
        <source>正在下载 %1%</source>
        <translation>Downloading %1%</translation>
    </message>
    <message>
        <source>排队下载</source>
        <translation>Queued for download</translation>
    </message>
    <message>
        <source>等待下次同步时下载</source>
        <translation>Downloads at the next sync</translation>
    </message>
    <message>
        <source>还没有底图：同步后会自动下载本辖区的底图，也可以在设置中导入 MBTiles 文件</source>
        <translation>No basemap yet: your area's basemap downloads by itself after a sync, or import an MBTiles file in Settings</translation>
    </message>
    <message>
        <source>使用中</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>找不到文件 %1</source>
        <translation>File %1 not found</translation>
    </message>
    <message>
        <source>无法导入 %1：%2</source>
        <translation>Cannot import %1: %2</translation>
    </message>
    <message>
        <source>存储空间不足：导入 %1 需要 %2，只有 %3 可用</source>
        <translation>Not enough storage: importing %1 needs %2, only %3 free</translation>
    </message>
    <message>
        <source>无法复制 %1：%2</source>
        <translation>Cannot copy %1: %2</translation>
    </message>
    <message>
        <source>无法复制 %1</source>
        <translation>Cannot copy %1</translation>
    </message>
    <message>
        <source>无法保存底图：%1</source>
        <translation>Cannot save the basemap: %1</translation>
    </message>
</context>
<context>
    <name>BasemapText</name>
    <message>
        <source>找不到底图文件</source>
        <translation>The basemap file cannot be found</translation>
    </message>
    <message>
        <source>此文件不是底图（MBTiles）文件</source>
        <translation>This file is not a basemap (MBTiles) file</translation>
    </message>
    <message>
        <source>底图文件不完整（可能下载或复制时中断），请重新获取</source>
        <translation>The basemap file is incomplete (a download or copy was cut short); get it again</translation>
    </message>
    <message>
        <source>底图文件已损坏，请重新获取</source>
        <translation>The basemap file is damaged; get it again</translation>
    </message>
    <message>
        <source>此数据库不是底图（MBTiles）文件</source>
        <translation>This database is not a basemap (MBTiles) file</translation>
    </message>
    <message>
        <source>底图文件中没有瓦片</source>
        <translation>The basemap file has no tiles</translation>
    </message>
    <message>
        <source>底图的瓦片格式无法显示（需要 PNG 或 JPEG 栅格瓦片）</source>
        <translation>The basemap's tile format cannot be shown (PNG or JPEG raster tiles are needed)</translation>
    </message>
    <message>
        <source>底图没有注明坐标系（datum），无法把位置画准</source>
        <translation>The basemap does not state its datum, so positions cannot be drawn accurately</translation>
    </message>
    <message>
        <source>底图的坐标系无法识别（应为 WGS-84、CGCS2000 或 GCJ-02）</source>
        <translation>The basemap's datum is not recognised (it should be WGS-84, CGCS2000 or GCJ-02)</translation>
    </message>
    <message>
        <source>底图无法打开（%1）</source>
        <translation>The basemap cannot be opened (%1)</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
</context>
<context>
    <name>ConnectServerPage</name>
    <message>
        <source>连接服务器</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <source>向管理员索取连接码：一张二维码，或一串以 QS1- 开头的字符。它告诉本机服务器的地址、要信任的证书和您的账号；之后输入账号的密码。</source>
        <translation>Ask your administrator for an enrolment code: a QR code, or a string starting with QS1-. It tells this device the server&apos;s address, the certificate to trust and your account; then enter the account&apos;s password.</translation>
    </message>
    <message>
        <source>扫描二维码</source>
        <translation>Scan the QR code</translation>
    </message>
    <message>
        <source>用相机扫描</source>
        <translation>Scan with the camera</translation>
    </message>
    <message>
        <source>从图片读取</source>
        <translation>Read from a picture</translation>
    </message>
    <message>
        <source>或输入连接码</source>
        <translation>Or type the code</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>高级：输入服务器地址和证书文件</source>
        <translation>Advanced: server address and certificate file</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>证书指纹</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <source>不加密（仅限本机上的测试服务器）</source>
        <translation>Not encrypted (only for a test server on this machine)</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>连接中…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>换一个连接码</source>
        <translation>Use another code</translation>
    </message>
    <message>
        <source>服务器地址和证书</source>
        <translation>Server address and certificate</translation>
    </message>
    <message>
        <source>地址:端口，例如 qingshui.example.org:50051</source>
        <translation>host:port, e.g. qingshui.example.org:50051</translation>
    </message>
    <message>
        <source>CA 证书文件（PEM；本机测试服务器可留空）</source>
        <translation>CA certificate file (PEM; empty for a test server on this machine)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>选择二维码图片</source>
        <translation>Choose a picture of the QR code</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>选择服务器的 CA 证书</source>
        <translation>Choose the server&apos;s CA certificate</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>已导出 %1 张照片到 %2</source>
        <translation>Exported %1 photos to %2</translation>
    </message>
    <message>
        <source>已导出 %1 条记录到 %2</source>
        <translation>Exported %1 records to %2</translation>
    </message>
    <message>
        <source>正在下载导出所需的照片 %1/%2…</source>
        <translation>Downloading the photos the export needs %1/%2…</translation>
    </message>
    <message numerus="yes">
        <source>以下 %n 张照片未能导出：</source>
        <translation>
            <numerusform>This photo could not be exported:</numerusform>
            <numerusform>These %n photos could not be exported:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · 记录 %2 · %3 · 照片 %4 · %5</source>
        <translation>%1 · record %2 · %3 · photo %4 · %5</translation>
    </message>
    <message>
        <source>缺少的照片.txt</source>
        <translation>missing-photos.txt</translation>
    </message>
    <message>
        <source>%1 · 记录 %2 · %3（%4）</source>
        <translation>%1 · record %2 · %3 (%4)</translation>
    </message>
    <message>
        <source>等</source>
        <translation>and more</translation>
    </message>
    <message>
        <source>已导出 %1 张照片到 %2；%3 张未能导出，已列在 ZIP 内的“%4”中：%5</source>
        <translation>Exported %1 photos to %2; %3 could not be exported and are listed in “%4” inside the ZIP: %5</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>清水巡查_%1_%2.%3</source>
        <translation>Qingshui_%1_%2.%3</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>当前筛选下的记录 %1 条（不含草稿）</source>
        <translation>%1 records in the current filter (drafts excluded)</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>2025年目标 %1%：</source>
        <translation>2025 target %1%: </translation>
    </message>
    <message>
        <source>2025年目标：</source>
        <translation>2025 target: </translation>
    </message>
    <message>
        <source>目标来源：%1</source>
        <translation>Source of the targets: %1</translation>
    </message>
    <message>
        <source>按周统计</source>
        <translation>By week</translation>
    </message>
    <message>
        <source>全部县（市、区）</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>导出 GeoJSON</source>
        <translation>Export GeoJSON</translation>
    </message>
    <message>
        <source>导出照片 ZIP</source>
        <translation>Export photos (ZIP)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>整改与覆盖</source>
        <translation>Rectification and coverage</translation>
    </message>
    <message>
        <source>未销号问题 %1</source>
        <translation>Open problems %1</translation>
    </message>
    <message>
        <source>逾期 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <source>已销号 %1</source>
        <translation>Closed %1</translation>
    </message>
    <message>
        <source>%1 覆盖率 %2%</source>
        <translation>%1 coverage %2%</translation>
    </message>
    <message>
        <source>在地图上查看</source>
        <translation>Show on the map</translation>
    </message>
</context>
<context>
    <name>EnrolFromInput</name>
    <message>
        <source>连接码：</source>
        <translation>Enrolment code: </translation>
    </message>
    <message>
        <source>qingshui: %1；未做任何更改</source>
        <translation>qingshui: %1; nothing was changed</translation>
    </message>
    <message>
        <source>账号 %1，服务器 %2</source>
        <translation>Account %1, server %2</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>qingshui: 没有输入密码；未做任何更改</source>
        <translation>qingshui: no password given; nothing was changed</translation>
    </message>
    <message>
        <source>qingshui: 无法打开数据文件：%1</source>
        <translation>qingshui: cannot open the store: %1</translation>
    </message>
    <message>
        <source>qingshui: 本机还有 %1 条记录、%2 条审核决定、%3 张照片等待发送到原服务器 %4，不能连接另一台服务器；未做任何更改</source>
        <translation>qingshui: %1 records, %2 review decisions and %3 photos on this device wait to be sent to the previous server %4, so it cannot join another server; nothing was changed</translation>
    </message>
    <message>
        <source>已连接服务器 %1：账号 %2（%3）</source>
        <translation>Connected to server %1: account %2 (%3)</translation>
    </message>
</context>
<context>
    <name>EnrolmentController</name>
    <message>
        <source>相机出错：%1。可以从图片文件读取二维码，或手动输入连接码。</source>
        <translation>Camera error: %1. You can read the QR code from a picture file, or type the code.</translation>
    </message>
    <message>
        <source>此设备没有摄像头：请从图片文件读取二维码，或手动输入连接码</source>
        <translation>This device has no camera: read the QR code from a picture file, or type the code</translation>
    </message>
    <message>
        <source>没有相机权限：请在系统设置中允许，或从图片文件读取二维码</source>
        <translation>No camera permission: allow it in the system settings, or read the QR code from a picture file</translation>
    </message>
    <message>
        <source>无法读取这个图片文件</source>
        <translation>This picture file cannot be read</translation>
    </message>
    <message>
        <source>图片中没有找到二维码：请拍得更清楚一些，或手动输入连接码</source>
        <translation>No QR code found in the picture: take a clearer one, or type the code</translation>
    </message>
    <message>
        <source>请先扫描或输入连接码</source>
        <translation>Scan or type the enrolment code first</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <source>服务器地址应为 主机:端口，例如 qingshui.example.org:50051</source>
        <translation>The server address is host:port, e.g. qingshui.example.org:50051</translation>
    </message>
    <message>
        <source>请输入用户名和密码</source>
        <translation>Enter the user name and the password</translation>
    </message>
    <message>
        <source>无法读取证书文件 %1</source>
        <translation>Cannot read the certificate file %1</translation>
    </message>
    <message>
        <source>%1 不是 PEM 格式的证书文件</source>
        <translation>%1 is not a PEM certificate file</translation>
    </message>
    <message>
        <source>本机还有 %1 条记录、%2 条审核决定、%3 张照片等待发送到原服务器 %4。它们只属于那台服务器，不会发到别处，也不会删除：请先连回原服务器同步，再更换服务器。</source>
        <translation>%1 records, %2 review decisions and %3 photos on this device wait to be sent to the previous server %4. They belong to that server only: they are neither sent elsewhere nor deleted. Connect to that server and sync first, then change server.</translation>
    </message>
</context>
<context>
    <name>ExportWordsText</name>
    <message>
        <source>记录编号</source>
        <translation>Record id</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>检查表编号</source>
        <translation>Checklist id</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>定位精度（米）</source>
        <translation>GPS accuracy (m)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between the options of a multiple-choice answer</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>：</source>
        <comment>between a checklist&apos;s title and a question&apos;s label</comment>
        <translation>: </translation>
    </message>
</context>
<context>
    <name>FormController</name>
    <message>
        <source>没有这个检查表：%1</source>
        <translation>No such checklist: %1</translation>
    </message>
    <message>
        <source>请选择村庄</source>
        <translation>Please choose a village</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Could not save: %1</translation>
    </message>
    <message>
        <source>找不到这条记录</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <source>缺少检查表 %1 第 %2 版</source>
        <translation>Checklist %1 version %2 is missing</translation>
    </message>
    <message>
        <source>这条记录已提交，不能再改</source>
        <translation>This record has been submitted and can no longer be changed</translation>
    </message>
    <message>
        <source>还有 %1 处需要填写或更正</source>
        <translation>%1 answer(s) still need filling in or correcting</translation>
    </message>
    <message>
        <source>提交失败：%1</source>
        <translation>Could not submit: %1</translation>
    </message>
    <message>
        <source>不能在这里添加照片</source>
        <translation>Photos cannot be added here</translation>
    </message>
    <message>
        <source>最多 %1 张照片</source>
        <translation>At most %1 photos</translation>
    </message>
    <message>
        <source>没有打开的记录</source>
        <translation>No record is open</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source> · 结对：北京市%1</source>
        <translation> · Paired with %1, Beijing</translation>
    </message>
    <message>
        <source>草稿 · 已自动保存</source>
        <translation>Draft · saved automatically</translation>
    </message>
    <message>
        <source>⚠ 尚未采集 GPS 位置：可以先保存为草稿，提交前须采集位置（或说明原因）。</source>
        <translation>⚠ No GPS point yet: the draft is saved, but a location (or a reason) is needed before submitting.</translation>
    </message>
    <message>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>删除这份草稿？</source>
        <translation>Delete this draft?</translation>
    </message>
    <message>
        <source>已填写的内容将被删除，无法恢复。</source>
        <translation>Everything filled in will be deleted and cannot be recovered.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>已退回 · 修改后重新提交</source>
        <translation>Returned · edit and submit again</translation>
    </message>
    <message>
        <source>督导退回意见</source>
        <translation>Returned by the supervisor</translation>
    </message>
    <message>
        <source> · 另有 %1 处题目意见，见题目下方</source>
        <translation> · comments on %1 question(s), shown below them</translation>
    </message>
</context>
<context>
    <name>GpsEditor</name>
    <message>
        <source> 米</source>
        <translation> m</translation>
    </message>
    <message>
        <source>  · %1 次平均</source>
        <translation>  · %1 fixes averaged</translation>
    </message>
    <message>
        <source>等待卫星信号…</source>
        <translation>Waiting for satellites…</translation>
    </message>
    <message>
        <source>平均中 %1 / %2（±%3 米）</source>
        <translation>Averaging %1 / %2 (±%3 m)</translation>
    </message>
    <message>
        <source>精度未知，不能采集（要求 ≤ %1 米）</source>
        <translation>Accuracy unknown, cannot capture (needs ≤ %1 m)</translation>
    </message>
    <message>
        <source>精度不足：±%1 米，要求 ≤ %2 米</source>
        <translation>Not accurate enough: ±%1 m, needs ≤ %2 m</translation>
    </message>
    <message>
        <source>信号丢失，等待恢复…</source>
        <translation>Signal lost, waiting for it to return…</translation>
    </message>
    <message>
        <source>精度不足仍采用，原因：%1</source>
        <translation>Used despite poor accuracy, because: %1</translation>
    </message>
    <message>
        <source>采集位置</source>
        <translation>Capture location</translation>
    </message>
    <message>
        <source>重新采集</source>
        <translation>Capture again</translation>
    </message>
    <message>
        <source>仍然使用当前位置…</source>
        <translation>Use this position anyway…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>精度不足，仍然使用？</source>
        <translation>Not accurate enough. Use it anyway?</translation>
    </message>
    <message>
        <source>请说明原因（例如：山谷中信号弱、已多次尝试）。原因会随记录一起保存。</source>
        <translation>Please give a reason (e.g. weak signal in a valley, tried several times). It is saved with the record.</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>使用</source>
        <translation>Use</translation>
    </message>
</context>
<context>
    <name>InspectorApp</name>
    <message>
        <source>清水巡查 · 巡查员</source>
        <translation>Qingshui · Inspector</translation>
    </message>
    <message>
        <source>清水巡查</source>
        <translation>Qingshui</translation>
    </message>
    <message>
        <source>巡查员 · 我的记录 %1 条</source>
        <translation>Inspector · %1 records</translation>
    </message>
    <message>
        <source>整改 %1</source>
        <translation>Problems %1</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>KioskAchievementsPage</name>
    <message>
        <source>一泓清水 北送京城</source>
        <translation>Clear water for Beijing</translation>
    </message>
    <message>
        <source>对口协作 结对帮扶</source>
        <translation>Paired cooperation</translation>
    </message>
    <message>
        <source>生态保护</source>
        <translation>Ecological protection</translation>
    </message>
    <message>
        <source>人才与社会事业</source>
        <translation>People, schools and hospitals</translation>
    </message>
    <message>
        <source>民生改善</source>
        <translation>Livelihoods</translation>
    </message>
    <message>
        <source>产业合作</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>协作成效</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <source>数据更新于 %1</source>
        <translation>Data as of %1</translation>
    </message>
    <message>
        <source>离线 · 内置数据</source>
        <translation>Offline · built-in data</translation>
    </message>
    <message>
        <source>成效数据暂不可用：%1</source>
        <translation>Figures unavailable: %1</translation>
    </message>
    <message>
        <source>%1 · 来源：%2</source>
        <translation>%1 · Source: %2</translation>
    </message>
    <message>
        <source>已公开巡查记录</source>
        <translation>Published inspection records</translation>
    </message>
    <message>
        <source>各县（市、区）</source>
        <translation>By county</translation>
    </message>
    <message>
        <source>2025年目标 · 南阳乡村建设</source>
        <translation>2025 targets · Nanyang rural construction</translation>
    </message>
</context>
<context>
    <name>KioskAdminPanel</name>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>退出展示模式</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>立即更新数据</source>
        <translation>Update data now</translation>
    </message>
    <message>
        <source>返回展示</source>
        <translation>Back to the exhibition</translation>
    </message>
</context>
<context>
    <name>KioskApp</name>
    <message>
        <source>清水巡查 · 展示</source>
        <translation>Qingshui · Exhibition</translation>
    </message>
</context>
<context>
    <name>KioskGalleryPage</name>
    <message>
        <source>公开的巡查记录</source>
        <translation>Published inspection records</translation>
    </message>
    <message>
        <source>经审核、已隐去个人信息 · 共 %1 条</source>
        <translation>Reviewed, personal details removed · %1 in all</translation>
    </message>
    <message>
        <source>全部县市</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>尚无已发布的记录…</source>
        <translation>No published records yet…</translation>
    </message>
    <message>
        <source>此县市和类别下尚无已发布的记录</source>
        <translation>No published records for this county and category yet</translation>
    </message>
    <message>
        <source>审核通过并公开的巡查记录会在联网同步后显示在这里。</source>
        <translation>Records approved and published by supervisors appear here after the next sync.</translation>
    </message>
</context>
<context>
    <name>KioskHomePage</name>
    <message>
        <source>一库清水 永续北送</source>
        <translation>Clear water, flowing north for ever</translation>
    </message>
    <message>
        <source>北京市南水北调对口协作 · 丹江口库区及上游地区 %1 个结对县（市、区）</source>
        <translation>Beijing counterpart cooperation · %1 paired counties of the Danjiangkou reservoir and upstream area</translation>
    </message>
    <message>
        <source>结对：北京市%1</source>
        <translation>Paired with %1, Beijing</translation>
    </message>
    <message>
        <source>北京市 · 16 个结对区</source>
        <translation>Beijing · 16 partner districts</translation>
    </message>
    <message>
        <source>丹江口水库</source>
        <translation>Danjiangkou Reservoir</translation>
    </message>
    <message>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>库区（水源区）</source>
        <translation>Reservoir area (water source)</translation>
    </message>
    <message>
        <source>核心水源区</source>
        <translation>Core water-source area</translation>
    </message>
    <message>
        <source>影响区</source>
        <translation>Influence area</translation>
    </message>
    <message>
        <source>南水北调中线干渠（陶岔渠首—北京团城湖，示意）</source>
        <translation>Middle-route canal (Taocha Canal Head to Tuancheng Lake, Beijing; schematic)</translation>
    </message>
    <message>
        <source>触摸县（市、区）名称，查看结对详情</source>
        <translation>Touch a county&apos;s name to see its pairing</translation>
    </message>
    <message>
        <source>地图数据有误，部分地点未显示</source>
        <translation>Map data has errors: some places are not shown</translation>
    </message>
    <message>
        <source>库区</source>
        <translation>Reservoir area</translation>
    </message>
    <message>
        <source>核心区</source>
        <translation>Core area</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%2, %1</translation>
    </message>
</context>
<context>
    <name>KioskLedgerPage</name>
    <message>
        <source>问题整改 · 销号公示</source>
        <translation>Problems fixed and closed</translation>
    </message>
    <message>
        <source>发现一项、整改一项、销号一项</source>
        <translation>Each problem found is fixed, then closed</translation>
    </message>
    <message>
        <source>%1 销号率 %2%（%3/%4）</source>
        <translation>%1 closed %2% (%3/%4)</translation>
    </message>
    <message>
        <source>整改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>整改后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>发现 %1 · 销号 %2</source>
        <translation>Found %1 · closed %2</translation>
    </message>
    <message>
        <source>暂无公示的整改事项</source>
        <translation>No closed problems published yet</translation>
    </message>
</context>
<context>
    <name>KioskNavRail</name>
    <message>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>结对地图</source>
        <translation>Pairing map</translation>
    </message>
    <message>
        <source>成就</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>协作成果</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>风采</source>
        <translation>Gallery</translation>
    </message>
    <message>
        <source>巡查风采</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>销号公示</source>
        <translation>Closed problems</translation>
    </message>
</context>
<context>
    <name>KioskPinPad</name>
    <message>
        <source>错误次数过多，已锁定 %1 分钟</source>
        <translation>Too many wrong PINs: locked for %1 minutes</translation>
    </message>
    <message>
        <source>PIN 错误，请重试</source>
        <translation>Wrong PIN, please try again</translation>
    </message>
    <message>
        <source>管理员验证</source>
        <translation>Administrator PIN</translation>
    </message>
    <message>
        <source>本机未设置管理员 PIN，无法退出展示模式。请在终端运行 qingshui --set-kiosk-pin 设置。</source>
        <translation>This kiosk has no admin PIN, so kiosk mode cannot be left. Set one in a terminal with qingshui --set-kiosk-pin.</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>KioskRecordCard</name>
    <message>
        <source>暂无照片</source>
        <translation>No photo</translation>
    </message>
</context>
<context>
    <name>KioskRecordView</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>此记录暂无公开照片</source>
        <translation>No published photos for this record</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>KioskTopBar</name>
    <message>
        <source>南水北调 · 京豫鄂对口协作</source>
        <translation>South-to-North Water Diversion · Beijing–Henan–Hubei pairing</translation>
    </message>
    <message>
        <source>离线展示 · 数据更新于 %1</source>
        <translation>Offline display · data updated %1</translation>
    </message>
    <message>
        <source>离线展示 · 内置展示内容</source>
        <translation>Offline display · built-in content</translation>
    </message>
    <message>
        <source>yyyy年M月d日</source>
        <translation>d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>KioskUnitRecords</name>
    <message>
        <source>该县市尚无已发布的记录</source>
        <translation>No published records for this county yet</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <source>清水巡查</source>
        <translation>Qingshui</translation>
    </message>
</context>
<context>
    <name>LedgerBoardController</name>
    <message>
        <source>全部辖区</source>
        <translation>Whole jurisdiction</translation>
    </message>
    <message>
        <source>全部检查表</source>
        <translation>All checklists</translation>
    </message>
    <message>
        <source>本机，待同步</source>
        <translation>this device, not synced yet</translation>
    </message>
    <message>
        <source>乡镇、县级均已签认（%1）</source>
        <translation>Signed off by the township and the county (%1)</translation>
    </message>
    <message>
        <source>乡镇已签认（%1），待县级签认</source>
        <translation>Signed off by the township (%1); the county&apos;s sign-off is due</translation>
    </message>
    <message>
        <source>本月尚未签认</source>
        <translation>Not signed off this month</translation>
    </message>
    <message>
        <source>乡镇签认</source>
        <translation>Sign off for the township</translation>
    </message>
    <message>
        <source>县级签认</source>
        <translation>Sign off for the county</translation>
    </message>
    <message>
        <source>导出失败：文件夹不存在</source>
        <translation>Export failed: the folder does not exist</translation>
    </message>
    <message>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>已导出 %1 项：%2</source>
        <translation>Exported %1 problems: %2</translation>
    </message>
    <message>
        <source>未能保存：%1</source>
        <translation>Could not be saved: %1</translation>
    </message>
    <message>
        <source>已签认 %1 月台账</source>
        <translation>Signed off the ledger of %1</translation>
    </message>
    <message>
        <source>已签认 %1 月台账，%2 项未销号已知悉，转入下月督办</source>
        <translation>Signed off the ledger of %1; %2 open problems acknowledged, followed up next month</translation>
    </message>
</context>
<context>
    <name>LedgerController</name>
    <message>
        <source>%1 发现于 %2</source>
        <translation>Found by %1 on %2</translation>
    </message>
    <message>
        <source>复查通过</source>
        <translation>Re-check passed</translation>
    </message>
    <message>
        <source>复查未通过</source>
        <translation>Re-check failed</translation>
    </message>
    <message>
        <source>期限 %1</source>
        <translation>deadline %1</translation>
    </message>
    <message>
        <source>距问题位置 %1</source>
        <translation>%1 from the problem</translation>
    </message>
    <message>
        <source>未到现场：%1</source>
        <translation>Not on site: %1</translation>
    </message>
    <message>
        <source>计入 %1 台账（当月已签认）</source>
        <translation>Counts in the ledger of %1 (that month was signed off)</translation>
    </message>
    <message>
        <source>与另一台设备的操作同时发生</source>
        <translation>Made at the same time as another device&apos;s step</translation>
    </message>
    <message>
        <source>找不到这条记录</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <source>找不到这条记录的检查表</source>
        <translation>The record&apos;s checklist is not on this device</translation>
    </message>
    <message>
        <source>没有打开的问题</source>
        <translation>No problem is open</translation>
    </message>
    <message>
        <source>未能保存：%1</source>
        <translation>Could not be saved: %1</translation>
    </message>
    <message>
        <source>请先拍摄整改后的照片</source>
        <translation>Take a photo of the fix first</translation>
    </message>
    <message>
        <source>请填写整改期限（年-月-日）</source>
        <translation>Enter the deadline (year-month-day)</translation>
    </message>
    <message>
        <source>请写明退回重改的原因</source>
        <translation>Say why it goes back for rework</translation>
    </message>
    <message>
        <source>请至少选择一张整改前和一张整改后的照片</source>
        <translation>Choose at least one photo from before and one from after</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>this device</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>整改台账 · %1 项</source>
        <translation>Rectification ledger · %1 problems</translation>
    </message>
    <message>
        <source>导出台账 CSV</source>
        <translation>Export the ledger (CSV)</translation>
    </message>
    <message>
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>To fix</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>Being fixed</translation>
    </message>
    <message>
        <source>待复查</source>
        <translation>To re-check</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>退回重改</source>
        <translation>Back for rework</translation>
    </message>
    <message>
        <source>只看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>未销号 %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>逾期 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <source>已销号 %1</source>
        <translation>Closed %1</translation>
    </message>
    <message>
        <source>平均 %1 天销号</source>
        <translation>Closed in %1 days on average</translation>
    </message>
    <message>
        <source>台账中没有符合条件的问题。</source>
        <translation>No problem in the ledger matches.</translation>
    </message>
    <message>
        <source>乡镇排名（按销号率）</source>
        <translation>Townships by closure rate</translation>
    </message>
    <message>
        <source>销号率 %1% · 逾期 %2 · 共 %3</source>
        <translation>closed %1% · overdue %2 · of %3</translation>
    </message>
    <message>
        <source>还没有问题记入台账。</source>
        <translation>No problems in the ledger yet.</translation>
    </message>
    <message>
        <source>村庄覆盖（%1 天内到访）</source>
        <translation>Village coverage (visited within %1 days)</translation>
    </message>
    <message>
        <source>%1 · 覆盖率 %2%（%3/%4 村）</source>
        <translation>%1 · coverage %2% (%3/%4 villages)</translation>
    </message>
    <message>
        <source>未到访：%1</source>
        <translation>Not visited: %1</translation>
    </message>
    <message>
        <source>月度台账签认 · %1</source>
        <translation>Monthly sign-off · %1</translation>
    </message>
    <message>
        <source>尚有 %1 项未销号：签认即确认已知悉，转入下月继续督办</source>
        <translation>%1 problems are still open: signing off acknowledges them; they are followed up next month</translation>
    </message>
</context>
<context>
    <name>ListStatusText</name>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>LoginController</name>
    <message>
        <source>未配置同步服务器</source>
        <translation>No sync server configured</translation>
    </message>
    <message>
        <source>请输入用户名和密码</source>
        <translation>Enter user name and password</translation>
    </message>
</context>
<context>
    <name>MapLayerController</name>
    <message>
        <source>地图图层读取失败：%1</source>
        <translation>A map layer could not be read: %1</translation>
    </message>
    <message>
        <source>坑塘（未编号）</source>
        <translation>Pond (not numbered)</translation>
    </message>
    <message>
        <source>坑塘 %1</source>
        <translation>Pond %1</translation>
    </message>
    <message>
        <source>发现于 %1</source>
        <translation>found %1</translation>
    </message>
    <message>
        <source>%1 条记录</source>
        <translation>%1 records</translation>
    </message>
</context>
<context>
    <name>MapLayersView</name>
    <message>
        <source>记录 %1</source>
        <translation>Records %1</translation>
    </message>
    <message>
        <source>村庄 %1</source>
        <translation>Villages %1</translation>
    </message>
    <message>
        <source>坑塘 %1</source>
        <translation>Pond %1</translation>
    </message>
    <message>
        <source>待整改问题 %1</source>
        <translation>Problems to fix %1</translation>
    </message>
    <message>
        <source>另有 %1 个村尚无定位记录，未标出</source>
        <translation>%1 more villages have no located record and are not shown</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>底图：%1</source>
        <translation>Basemap: %1</translation>
    </message>
    <message>
        <source>尚无底图（同步后自动下载）</source>
        <translation>No basemap yet (downloads after a sync)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>NewRecordPage</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>新建记录</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>1. 村庄</source>
        <translation>1. Village</translation>
    </message>
    <message>
        <source>2. 检查表</source>
        <translation>2. Checklist</translation>
    </message>
    <message>
        <source>先选择村庄，再选择检查表。</source>
        <translation>Choose a village first, then a checklist.</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>PhotoFetchController</name>
    <message>
        <source>照片下载中 %1/%2</source>
        <translation>Downloading photos %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%n 张照片未能下载：%1</source>
        <translation>
            <numerusform>%n photo could not be downloaded: %1</numerusform>
            <numerusform>%n photos could not be downloaded: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 张照片巡查员尚未上传</source>
        <translation>
            <numerusform>%n photo not uploaded by the inspector yet</numerusform>
            <numerusform>%n photos not uploaded by the inspectors yet</numerusform>
        </translation>
    </message>
    <message>
        <source>照片已用 %1 / %2</source>
        <translation>Photos use %1 of %2</translation>
    </message>
</context>
<context>
    <name>PhotoFetchText</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>巡查员的平板尚未上传这张照片，下次同步后再下载</source>
        <translation>The inspector&apos;s tablet has not uploaded this photo yet; it is downloaded after a later sync</translation>
    </message>
    <message>
        <source>照片校验失败（与 SHA-256 不符），已丢弃，下次同步后重新下载</source>
        <translation>The photo failed its check (it does not match its SHA-256) and was thrown away; it is downloaded again after the next sync</translation>
    </message>
    <message>
        <source>本机存储空间已满：已下载的部分已保留，腾出空间后继续下载</source>
        <translation>This device&apos;s storage is full: what was downloaded is kept, and the download goes on once there is room</translation>
    </message>
    <message>
        <source>无法写入本机的照片文件夹</source>
        <translation>The photo folder on this device cannot be written</translation>
    </message>
    <message>
        <source>照片空间已达上限（%1），正在查看的照片不会被清除</source>
        <translation>The photo space is full (%1); photos being viewed are never removed</translation>
    </message>
    <message>
        <source>无法连接服务器，照片稍后再下载</source>
        <translation>The server cannot be reached; photos are downloaded later</translation>
    </message>
    <message>
        <source>需要重新登录才能下载照片</source>
        <translation>Log in again to download photos</translation>
    </message>
    <message>
        <source>服务器没有提供这张照片</source>
        <translation>The server did not provide this photo</translation>
    </message>
</context>
<context>
    <name>PhotoProblemText</name>
    <message>
        <source>此设备没有摄像头，请从文件导入照片</source>
        <translation>This device has no camera: import the photo from a file</translation>
    </message>
    <message>
        <source>没有相机权限，请在系统设置中允许，或从文件导入照片</source>
        <translation>No camera permission: allow it in the system settings, or import the photo from a file</translation>
    </message>
    <message>
        <source>上一张照片还在拍摄中</source>
        <translation>The previous photo is still being taken</translation>
    </message>
    <message>
        <source>相机已关闭，照片没有拍摄</source>
        <translation>The camera was closed; no photo was taken</translation>
    </message>
    <message>
        <source>拍照失败：%1</source>
        <translation>Could not take the photo: %1</translation>
    </message>
    <message>
        <source>相机错误：%1</source>
        <translation>Camera error: %1</translation>
    </message>
    <message>
        <source>拍照失败：相机没有给出图像</source>
        <translation>Could not take the photo: the camera gave no picture</translation>
    </message>
    <message>
        <source>无法读取图片 %1：文件不存在</source>
        <translation>Cannot read the picture %1: the file does not exist</translation>
    </message>
    <message>
        <source>无法读取图片 %1：不是文件</source>
        <translation>Cannot read the picture %1: it is not a file</translation>
    </message>
    <message>
        <source>无法读取图片 %1：无法打开文件（%2）</source>
        <translation>Cannot read the picture %1: the file cannot be opened (%2)</translation>
    </message>
    <message>
        <source>无法读取图片 %1：文件为空</source>
        <translation>Cannot read the picture %1: the file is empty</translation>
    </message>
    <message>
        <source>无法读取图片 %1：不是可识别的图片格式</source>
        <translation>Cannot read the picture %1: not a picture format this app knows</translation>
    </message>
    <message>
        <source>无法读取图片 %1：图片文件不完整（JPEG 数据被截断）</source>
        <translation>Cannot read the picture %1: the file is incomplete (the JPEG data is cut off)</translation>
    </message>
    <message>
        <source>无法读取图片 %1：图片数据已损坏（%2）</source>
        <translation>Cannot read the picture %1: the picture data is damaged (%2)</translation>
    </message>
    <message>
        <source>无法读取图片 %1：图片无法解码（%2）</source>
        <translation>Cannot read the picture %1: it cannot be decoded (%2)</translation>
    </message>
    <message>
        <source>无法保存照片：没有设置照片文件夹</source>
        <translation>Cannot save the photo: no photo folder is set</translation>
    </message>
    <message>
        <source>无法处理照片：需要 QGuiApplication</source>
        <translation>Cannot process the photo: a QGuiApplication is needed</translation>
    </message>
    <message>
        <source>无法保存照片：JPEG 编码失败（%1）</source>
        <translation>Cannot save the photo: JPEG encoding failed (%1)</translation>
    </message>
    <message>
        <source>无法保存照片：无法写入 %1（%2）</source>
        <translation>Cannot save the photo: cannot write %1 (%2)</translation>
    </message>
    <message>
        <source>无法保存照片：无法创建文件夹 %1</source>
        <translation>Cannot save the photo: cannot create the folder %1</translation>
    </message>
    <message>
        <source>不是有效的照片编号：%1</source>
        <translation>Not a valid photo id: %1</translation>
    </message>
    <message>
        <source>照片不存在：%1</source>
        <translation>The photo is not there: %1</translation>
    </message>
    <message>
        <source>照片已损坏（内容与编号不符）：%1</source>
        <translation>The photo is damaged (its content does not match its id): %1</translation>
    </message>
    <message>
        <source>照片出错（%1）</source>
        <translation>Photo problem (%1)</translation>
    </message>
</context>
<context>
    <name>PhotosEditor</name>
    <message>
        <source>%1 / 最多 %2 张</source>
        <translation>%1 / at most %2</translation>
    </message>
    <message>
        <source>%1 张</source>
        <translation>%1 photos</translation>
    </message>
    <message>
        <source>从文件导入</source>
        <translation>Import from file</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
</context>
<context>
    <name>PlaceNames</name>
    <message>
        <source>北京市%1</source>
        <translation>%1, Beijing</translation>
    </message>
</context>
<context>
    <name>PositionStatus</name>
    <message>
        <source>此设备没有定位源</source>
        <translation>This device has no position source</translation>
    </message>
    <message>
        <source>应用没有使用位置信息的权限</source>
        <translation>The app is not allowed to use the location</translation>
    </message>
    <message>
        <source>定位已关闭</source>
        <translation>Location is switched off</translation>
    </message>
    <message>
        <source>长时间没有收到定位</source>
        <translation>No position received for a long time</translation>
    </message>
    <message>
        <source>定位错误（%1）</source>
        <translation>Positioning error (%1)</translation>
    </message>
    <message>
        <source>无法打开 NMEA 日志 %1</source>
        <translation>Cannot open the NMEA log %1</translation>
    </message>
</context>
<context>
    <name>ProblemLineBuilder</name>
    <message>
        <source>复查通过，待销号</source>
        <translation>Re-check passed, to be closed</translation>
    </message>
</context>
<context>
    <name>ProblemListPage</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>我的整改 · 待办 %1 项</source>
        <translation>My problems · %1 to do</translation>
    </message>
    <message>
        <source>（逾期 %1 项）</source>
        <translation> (%1 overdue)</translation>
    </message>
    <message>
        <source>待整改（%1）</source>
        <translation>To fix (%1)</translation>
    </message>
    <message>
        <source>没有待整改的问题。</source>
        <translation>Nothing to fix.</translation>
    </message>
    <message>
        <source>待复查（%1）</source>
        <translation>To re-check (%1)</translation>
    </message>
    <message>
        <source>没有待复查的问题。</source>
        <translation>Nothing to re-check.</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>照片未到</source>
        <translation>Photo not here yet</translation>
    </message>
    <message>
        <source>严重程度：%1</source>
        <translation>Severity: %1</translation>
    </message>
    <message>
        <source>责任单位：%1</source>
        <translation>Responsible: %1</translation>
    </message>
    <message>
        <source>➤ %1</source>
        <translation>➤ %1</translation>
    </message>
    <message>
        <source>整改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>整改后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>The fix</translation>
    </message>
    <message>
        <source>做了什么，谁做的</source>
        <translation>What was done, and by whom</translation>
    </message>
    <message>
        <source>开始整改</source>
        <translation>Work started</translation>
    </message>
    <message>
        <source>报告整改完成</source>
        <translation>Report the fix</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>Re-check</translation>
    </message>
    <message>
        <source>没有定位，无法确认是否在现场</source>
        <translation>No position: cannot tell whether you are on site</translation>
    </message>
    <message>
        <source>距问题位置 %1 米（%2 米内为现场复查）</source>
        <translation>%1 m from the problem (on site within %2 m)</translation>
    </message>
    <message>
        <source>不在现场复查的原因（必填）</source>
        <translation>Why the re-check is not on site (required)</translation>
    </message>
    <message>
        <source>复查意见</source>
        <translation>Re-check notes</translation>
    </message>
    <message>
        <source>复查通过</source>
        <translation>Re-check passed</translation>
    </message>
    <message>
        <source>复查未通过</source>
        <translation>Re-check failed</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>乡镇人民政府</source>
        <translation>Township government</translation>
    </message>
    <message>
        <source>村民委员会</source>
        <translation>Village committee</translation>
    </message>
    <message>
        <source>职能部门</source>
        <translation>Line department</translation>
    </message>
    <message>
        <source>部门名称（必填），如 生态环境分局</source>
        <translation>Department (required), e.g. the ecology and environment bureau</translation>
    </message>
    <message>
        <source>责任单位名称（可不填）</source>
        <translation>Responsible unit&apos;s name (optional)</translation>
    </message>
    <message>
        <source>整改期限，如 2027-01-15</source>
        <translation>Deadline, e.g. 2027-01-15</translation>
    </message>
    <message>
        <source>意见（退回时必填）</source>
        <translation>Comment (required to send back)</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>退回重改</source>
        <translation>Back for rework</translation>
    </message>
    <message>
        <source>公开整改前后对比（展示屏只显示勾选的照片，去除文字说明和坐标）</source>
        <translation>Publish before and after (the exhibition screens show only the ticked photos, without captions or coordinates)</translation>
    </message>
    <message>
        <source>公开</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source> · 待同步</source>
        <translation> · not synced yet</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>从文件导入</source>
        <translation>Import from file</translation>
    </message>
</context>
<context>
    <name>ProblemWords</name>
    <message>
        <source>待整改</source>
        <translation>To fix</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>Being fixed</translation>
    </message>
    <message>
        <source>待复查</source>
        <translation>To re-check</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>退回重改</source>
        <translation>Sent back for rework</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>开始整改</source>
        <translation>Work started</translation>
    </message>
    <message>
        <source>报告整改完成</source>
        <translation>Fix reported</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>Re-checked</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>公开整改前后对比</source>
        <translation>Published before and after</translation>
    </message>
    <message>
        <source>严重</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>较重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>乡镇人民政府</source>
        <translation>Township government</translation>
    </message>
    <message>
        <source>村民委员会</source>
        <translation>Village committee</translation>
    </message>
    <message>
        <source>职能部门</source>
        <translation>Line department</translation>
    </message>
    <message>
        <source>未交办</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>北</source>
        <translation>N</translation>
    </message>
    <message>
        <source>东北</source>
        <translation>NE</translation>
    </message>
    <message>
        <source>东</source>
        <translation>E</translation>
    </message>
    <message>
        <source>东南</source>
        <translation>SE</translation>
    </message>
    <message>
        <source>南</source>
        <translation>S</translation>
    </message>
    <message>
        <source>西南</source>
        <translation>SW</translation>
    </message>
    <message>
        <source>西</source>
        <translation>W</translation>
    </message>
    <message>
        <source>西北</source>
        <translation>NW</translation>
    </message>
    <message>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 公里</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>逾期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>剩 %1 天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <source>就在附近</source>
        <translation>Right here</translation>
    </message>
</context>
<context>
    <name>QsAppHeaderBar</name>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>地图</source>
        <translation>Map</translation>
    </message>
</context>
<context>
    <name>QsConflictBanner</name>
    <message>
        <source>修改冲突：这一版覆盖了另一台平板的修改（%1 · %2），那次修改没有被采用。</source>
        <translation>Edit conflict: this revision overwrote another tablet&apos;s edit (%1 · %2); that edit was not kept as current.</translation>
    </message>
    <message>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>修改冲突：这一版覆盖了另一台平板的修改（服务器版本 %1），本机没有那一版。</source>
        <translation>Edit conflict: this revision overwrote another tablet&apos;s edit (server revision %1), which this device does not hold.</translation>
    </message>
    <message>
        <source>查看被覆盖的版本</source>
        <translation>View the overwritten edit</translation>
    </message>
    <message>
        <source>收起对比</source>
        <translation>Hide the comparison</translation>
    </message>
    <message>
        <source>与被覆盖的版本对比</source>
        <translation>Compare with the overwritten edit</translation>
    </message>
    <message>
        <source>被覆盖的版本 → 当前版本</source>
        <translation>Overwritten edit → current revision</translation>
    </message>
    <message>
        <source>两个版本的回答相同</source>
        <translation>Both revisions have the same answers</translation>
    </message>
</context>
<context>
    <name>QsDecisionBar</name>
    <message>
        <source>审核决定未能保存</source>
        <translation>The decision could not be saved</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>退回意见（整条记录）。也可以在下面每个回答下写明要改的地方。</source>
        <translation>Why it goes back (the whole record). You can also say what to change under each answer below.</translation>
    </message>
    <message>
        <source>例如：请补拍清运后的照片</source>
        <translation>e.g. Please add a photo after the clean-up</translation>
    </message>
    <message>
        <source>确认退回</source>
        <translation>Return it</translation>
    </message>
    <message>
        <source>驳回理由（必填）</source>
        <translation>Reason for rejecting (required)</translation>
    </message>
    <message>
        <source>确认驳回</source>
        <translation>Reject it</translation>
    </message>
</context>
<context>
    <name>QsDiffPhoto</name>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
</context>
<context>
    <name>QsEditorBase</name>
    <message>
        <source>督导意见：%1</source>
        <translation>Supervisor: %1</translation>
    </message>
    <message>
        <source>⚑ 已列入整改台账</source>
        <translation>⚑ In the rectification ledger</translation>
    </message>
    <message>
        <source>⚑ 不达标：%1（提交时自动列入整改台账）</source>
        <translation>⚑ Fails the standard: %1 (goes into the rectification ledger when submitted)</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Raise a problem</translation>
    </message>
</context>
<context>
    <name>QsGpsChip</name>
    <message>
        <source>无定位：%1</source>
        <translation>No fix: %1</translation>
    </message>
    <message>
        <source>无定位</source>
        <translation>No fix</translation>
    </message>
    <message>
        <source>精度未知</source>
        <translation>accuracy unknown</translation>
    </message>
    <message>
        <source>±%1 米</source>
        <translation>±%1 m</translation>
    </message>
    <message>
        <source>无定位 · %1 颗卫星</source>
        <translation>No fix · %1 satellites</translation>
    </message>
    <message>
        <source> · %1 颗卫星</source>
        <translation> · %1 satellites</translation>
    </message>
    <message>
        <source>GPS %1%2 · %3 秒前</source>
        <translation>GPS %1%2 · %3 s ago</translation>
    </message>
</context>
<context>
    <name>QsLoginDialog</name>
    <message>
        <source>登录同步服务器</source>
        <translation>Log in to the sync server</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录中…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>QsMapScaleBar</name>
    <message>
        <source>%1 公里</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>QsMapView</name>
    <message>
        <source>没有底图：地图上只画出各点的位置</source>
        <translation>No basemap: the map shows only where the points are</translation>
    </message>
    <message>
        <source>跟随我的位置</source>
        <translation>Follow my position</translation>
    </message>
</context>
<context>
    <name>QsPhotoTile</name>
    <message>
        <source>照片下载中 %1%</source>
        <translation>Downloading photo %1%</translation>
    </message>
    <message>
        <source>等待下载…</source>
        <translation>Waiting to download…</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>QsPhotosConfirm</name>
    <message>
        <source>照片未到齐，仍要发布？</source>
        <translation>Photos missing. Publish anyway?</translation>
    </message>
    <message>
        <source>照片未到齐，仍要通过？</source>
        <translation>Photos missing. Approve anyway?</translation>
    </message>
    <message>
        <source>下面的照片还没有全部到达本机，你没有看过全部照片。确认后，这一决定连同“照片未到齐”一起保存，之后每个查看审核记录的人都能看到。</source>
        <translation>Not all photos of the records below have reached this device: you have not seen them all. If you confirm, the decision is saved together with &quot;photos missing&quot;, and everyone who reads the review history later sees it.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>仍然发布</source>
        <translation>Publish anyway</translation>
    </message>
    <message>
        <source>仍然通过</source>
        <translation>Approve anyway</translation>
    </message>
</context>
<context>
    <name>QsProblemDelegate</name>
    <message>
        <source>责任单位：%1</source>
        <translation>Responsible: %1</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>有冲突</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>QsPublishPanel</name>
    <message>
        <source>勾选可以公开展示的照片（不勾选的照片不会发布）</source>
        <translation>Tick the photos the public may see (unticked photos are not published)</translation>
    </message>
    <message>
        <source>这条记录没有照片，只发布文字摘要</source>
        <translation>This record has no photos; only its summary is published</translation>
    </message>
    <message>
        <source>发布到展示屏</source>
        <translation>Publish to the exhibition screens</translation>
    </message>
    <message>
        <source>未能发布</source>
        <translation>Could not publish</translation>
    </message>
    <message>
        <source>已发布，下次同步后展示屏可见</source>
        <translation>Published; the screens show it after the next sync</translation>
    </message>
</context>
<context>
    <name>QsQrScanner</name>
    <message>
        <source>将二维码对准画面中央</source>
        <translation>Hold the QR code in the middle of the picture</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QsRaiseProblemDialog</name>
    <message>
        <source>发现问题 · 列入整改台账</source>
        <translation>Raise a problem · into the rectification ledger</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <source>例如：化粪池渗漏，污水流入沟渠</source>
        <translation>e.g. the septic tank leaks into the ditch</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>较重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>严重</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>列入台账</source>
        <translation>Add to the ledger</translation>
    </message>
</context>
<context>
    <name>QsRecordDelegate</name>
    <message>
        <source>修改冲突</source>
        <translation>Edit conflict</translation>
    </message>
</context>
<context>
    <name>QsRecordFilterBar</name>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>全部县（市、区）</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部巡查员</source>
        <translation>All inspectors</translation>
    </message>
    <message>
        <source>全部日期</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>起始日期 2026-01-31</source>
        <translation>From date 2026-01-31</translation>
    </message>
    <message>
        <source>截止日期（含当天）</source>
        <translation>To date (inclusive)</translation>
    </message>
</context>
<context>
    <name>QsRevisionDiff</name>
    <message>
        <source>（未填）</source>
        <translation>(no answer)</translation>
    </message>
    <message>
        <source>与退回版本对比</source>
        <translation>Compared with the returned revision</translation>
    </message>
    <message>
        <source>重新提交的内容与退回的版本相同</source>
        <translation>The resubmission is the same as the returned revision</translation>
    </message>
    <message>
        <source>%1：定位移动了 %2 米</source>
        <translation>%1: the point moved %2 m</translation>
    </message>
    <message>
        <source>%1：%2 → %3（一侧没有定位）</source>
        <translation>%1: %2 → %3 (one side has no point)</translation>
    </message>
</context>
<context>
    <name>QsRevisionPopup</name>
    <message>
        <source>被覆盖的版本（只读）：%1</source>
        <translation>Overwritten edit (read-only): %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>巡查员 %1 · 提交于 %2 · 服务器版本 %3</source>
        <translation>Inspector %1 · submitted %2 · server revision %3</translation>
    </message>
    <message>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
</context>
<context>
    <name>QsSetAsideBanner</name>
    <message>
        <source>%1 条审核未被服务器接受 · 查看原因 ›</source>
        <translation>%1 decisions were not accepted by the server · see why ›</translation>
    </message>
    <message>
        <source>服务器未接受的审核决定</source>
        <translation>Decisions the server did not accept</translation>
    </message>
    <message>
        <source>这些决定没有生效。打开记录重新审核。</source>
        <translation>These decisions did not take effect. Open the record to decide again.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>QsSyncChip</name>
    <message>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同步失败：%1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <source>待同步 %1 条</source>
        <translation>%1 waiting to sync</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>已同步 %1</source>
        <translation>Synced %1</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>照片 %1</source>
        <translation>photos %1</translation>
    </message>
    <message>
        <source>%1 重试</source>
        <translation>retry at %1</translation>
    </message>
    <message>
        <source>同步中 · 上传 %1/%2 条</source>
        <translation>Syncing · sending %1/%2</translation>
    </message>
    <message>
        <source>同步中 · 已接收 %1 条</source>
        <translation>Syncing · %1 received</translation>
    </message>
    <message>
        <source>同步中 · 照片 %1/%2</source>
        <translation>Syncing · photos %1/%2</translation>
    </message>
</context>
<context>
    <name>QsVillagePicker</name>
    <message>
        <source>搜索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>最近使用</source>
        <translation>Recently used</translation>
    </message>
    <message>
        <source>没有找到名字里含“%1”的村</source>
        <translation>No village name contains “%1”</translation>
    </message>
    <message>
        <source>或按县 → 乡镇 → 村选择</source>
        <translation>Or choose county → township → village</translation>
    </message>
    <message>
        <source>选择县（市、区）</source>
        <translation>Choose a county</translation>
    </message>
    <message>
        <source>选择乡镇</source>
        <translation>Choose a township</translation>
    </message>
    <message>
        <source>选择村</source>
        <translation>Choose a village</translation>
    </message>
    <message>
        <source>已选：%1（%2）</source>
        <translation>Chosen: %1 (%2)</translation>
    </message>
    <message>
        <source>搜索村名，例如“邹庄”</source>
        <comment>the example is a village name in Chinese: English leaves it out</comment>
        <translation>Search a village name (as written in Chinese)</translation>
    </message>
</context>
<context>
    <name>RecordListModel</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>搜索村名或记录内容</source>
        <translation>Search villages or record text</translation>
    </message>
    <message>
        <source>还没有记录。点击“新建记录”开始一次巡查。</source>
        <translation>No records yet. Tap “New record” to start an inspection.</translation>
    </message>
    <message>
        <source>没有符合筛选条件的记录。</source>
        <translation>No records match the filters.</translation>
    </message>
    <message>
        <source>＋ 新建记录</source>
        <translation>+ New record</translation>
    </message>
</context>
<context>
    <name>RecordProblems</name>
    <message>
        <source>问题未能保存：%1</source>
        <translation>The problem could not be saved: %1</translation>
    </message>
    <message>
        <source>请描述发现的问题</source>
        <translation>Describe the problem found</translation>
    </message>
</context>
<context>
    <name>RecordViewController</name>
    <message>
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>不通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>公开展示</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>找不到这条记录</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <source>缺少模板 %1 第 %2 版，按原始字段显示</source>
        <translation>Template %1 version %2 is missing; showing the raw fields</translation>
    </message>
    <message>
        <source>本机没有这条记录的这一版本</source>
        <translation>This device does not hold this revision of the record</translation>
    </message>
</context>
<context>
    <name>RecordViewPage</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>%1 · 巡查员 %2 · 更新于 %3 · 模板第 %4 版</source>
        <translation>%1 · inspector %2 · updated %3 · template version %4</translation>
    </message>
    <message>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>精度未达标，巡查员说明：%1</source>
        <translation>Below the accuracy gate; the inspector&apos;s reason: %1</translation>
    </message>
    <message>
        <source>审核记录</source>
        <translation>Review history</translation>
    </message>
    <message>
        <source>尚无审核记录</source>
        <translation>No reviews yet</translation>
    </message>
    <message>
        <source>写好退回意见后确认；每个回答下都可以单独写意见。</source>
        <translation>Confirm once the comments are written; each answer can have its own.</translation>
    </message>
    <message>
        <source>确认退回</source>
        <translation>Return it</translation>
    </message>
    <message>
        <source>发布到展示屏</source>
        <translation>Publish to the exhibition screens</translation>
    </message>
    <message>
        <source>对这一项的退回意见（可选）</source>
        <translation>What to change here (optional)</translation>
    </message>
    <message>
        <source>本机（待同步）</source>
        <translation>this device (not yet synced)</translation>
    </message>
    <message>
        <source>%1 · 通过或发布前须确认</source>
        <translation>%1 · confirm before approving or publishing</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Raise a problem</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <source>尚未登录，请先登录</source>
        <translation>Not logged in: please log in first</translation>
    </message>
    <message>
        <source>服务器不认识此登录，请重新登录</source>
        <translation>The server does not know this login: please log in again</translation>
    </message>
    <message>
        <source>登录已过期，请重新登录</source>
        <translation>The login has expired: please log in again</translation>
    </message>
    <message>
        <source>此登录已失效（本设备上有了新的登录），请重新登录</source>
        <translation>This login has ended (there was a newer login on this device): please log in again</translation>
    </message>
    <message>
        <source>此设备已被管理员停用，请联系管理员</source>
        <translation>An administrator has revoked this device: please contact them</translation>
    </message>
    <message>
        <source>此账号已被停用，请联系管理员</source>
        <translation>This account has been disabled: please contact an administrator</translation>
    </message>
    <message>
        <source>用户名或密码错误</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <source>尝试次数过多，请 %1 分钟后再试</source>
        <translation>Too many attempts: please try again in %1 min</translation>
    </message>
    <message>
        <source>服务器上没有这个连接码（或它属于另一个账号），请核对</source>
        <translation>The server has no such enrolment code (or it is another account&apos;s): please check it</translation>
    </message>
    <message>
        <source>连接码已于 %1 过期，请向管理员索取新的连接码</source>
        <translation>The enrolment code expired on %1: please ask an administrator for a new one</translation>
    </message>
    <message>
        <source>连接码已于 %1 被另一台设备使用，请向管理员索取新的连接码</source>
        <translation>The enrolment code was used by another device on %1: please ask an administrator for a new one</translation>
    </message>
    <message>
        <source>连接码已于 %1 被管理员作废，请向管理员索取新的连接码</source>
        <translation>An administrator revoked the enrolment code on %1: please ask for a new one</translation>
    </message>
    <message>
        <source>服务器无法读取请求（%1），请更新应用</source>
        <translation>The server cannot read the request (%1): please update the app</translation>
    </message>
    <message>
        <source>服务器拒绝了数据：字段 %1 的值不合规</source>
        <translation>The server refused the data: field %1 holds a value it may not have</translation>
    </message>
    <message>
        <source>服务器内部错误，请稍后再试</source>
        <translation>Server error: please try again later</translation>
    </message>
    <message>
        <source>展示屏只能接收数据，不能上传</source>
        <translation>A kiosk only receives data; it cannot send any</translation>
    </message>
    <message>
        <source>登录属于另一台设备，请在本设备上重新登录</source>
        <translation>The login belongs to another device: please log in again on this one</translation>
    </message>
    <message>
        <source>一次上传的条目过多（最多 %1 条）</source>
        <translation>Too many items in one upload (at most %1)</translation>
    </message>
    <message>
        <source>此账号不能提交或修改记录内容</source>
        <translation>This account cannot submit or change records</translation>
    </message>
    <message>
        <source>此账号不能审核记录</source>
        <translation>This account cannot review records</translation>
    </message>
    <message>
        <source>村 %1 不在此账号的辖区内</source>
        <translation>Village %1 is outside this account&apos;s jurisdiction</translation>
    </message>
    <message>
        <source>记录 %1 不在此账号的辖区内</source>
        <translation>Record %1 is outside this account&apos;s jurisdiction</translation>
    </message>
    <message>
        <source>服务器上没有记录 %1</source>
        <translation>The server has no record %1</translation>
    </message>
    <message>
        <source>服务器上没有记录 %1 的第 %2 号版本</source>
        <translation>The server has no revision %2 of record %1</translation>
    </message>
    <message>
        <source>记录 %1 的第 %2 号版本尚未通过审核，不能发布</source>
        <translation>Revision %2 of record %1 is not approved, so it cannot be published</translation>
    </message>
    <message>
        <source>照片 %1 不属于第 %2 号版本，不能发布</source>
        <translation>Photo %1 is not one of revision %2&apos;s, so it cannot be published</translation>
    </message>
    <message>
        <source>此账号不能上传照片</source>
        <translation>This account cannot upload photos</translation>
    </message>
    <message>
        <source>此账号无权查看照片 %1</source>
        <translation>This account may not see photo %1</translation>
    </message>
    <message>
        <source>服务器上没有此账号可下载的照片 %1</source>
        <translation>The server has no photo %1 this account may download</translation>
    </message>
    <message>
        <source>照片过大（最大 %1）</source>
        <translation>The photo is too large (at most %1)</translation>
    </message>
    <message>
        <source>上传的数据块过大（最大 %1）</source>
        <translation>An upload chunk is too large (at most %1)</translation>
    </message>
    <message>
        <source>照片上传位置不一致（服务器已有 %1 字节），将重新续传</source>
        <translation>The photo upload is out of step (the server holds %1 bytes): it will resume from there</translation>
    </message>
    <message>
        <source>照片上传超出了其大小（已有 %1 字节，共 %2 字节）</source>
        <translation>The photo upload went past its size (%1 of %2 bytes held)</translation>
    </message>
    <message>
        <source>服务器磁盘已满：已保存此照片的 %1，稍后继续上传</source>
        <translation>The server&apos;s disk is full: %1 of this photo are kept, the rest follows later</translation>
    </message>
    <message>
        <source>照片 %1 的内容与其校验值不符，需要重新上传</source>
        <translation>Photo %1 does not match its checksum: it has to be sent again</translation>
    </message>
    <message>
        <source>下载位置 %1 超出了照片大小（%2 字节）</source>
        <translation>Download offset %1 is outside the photo (%2 bytes)</translation>
    </message>
    <message>
        <source>照片下载被中断</source>
        <translation>The photo download was cut off</translation>
    </message>
    <message>
        <source>服务器拒绝了请求</source>
        <translation>The server refused the request</translation>
    </message>
    <message>
        <source>服务器拒绝了请求（%1）</source>
        <translation>The server refused the request (%1)</translation>
    </message>
    <message>
        <source>无法连接服务器：请检查网络和服务器地址，或稍后再试</source>
        <translation>Cannot reach the server: check the network and the server address, or try again later</translation>
    </message>
    <message>
        <source>该地址上的服务不是加密的清水巡查服务器，请核对地址</source>
        <translation>What answers at that address is not a Qingshui server with TLS: please check the address</translation>
    </message>
    <message>
        <source>服务器的证书与连接码不符：连接已中止，可能连到了错误的服务器</source>
        <translation>The server&apos;s certificate is not the one the enrolment code names: nothing was sent, this may be the wrong server</translation>
    </message>
    <message>
        <source>本机数据库无法保存连接信息，本机数据未作改动</source>
        <translation>The device&apos;s database could not keep the connection; nothing on the device was changed</translation>
    </message>
    <message>
        <source>请输入连接码</source>
        <translation>Please enter the enrolment code</translation>
    </message>
    <message>
        <source>这不是清水巡查的连接码（应以 QS1- 开头）</source>
        <translation>This is not a Qingshui enrolment code (it starts with QS1-)</translation>
    </message>
    <message>
        <source>此连接码来自更新版本的服务器，请先更新应用</source>
        <translation>This code comes from a newer server: please update the app first</translation>
    </message>
    <message>
        <source>连接码中有无效的字符，请核对</source>
        <translation>The code holds a character no code has: please check it</translation>
    </message>
    <message>
        <source>连接码有误（有字符输错、漏输或多输），请核对</source>
        <translation>The code is mistyped (a character wrong, left out or added): please check it</translation>
    </message>
    <message>
        <source>连接码无法识别，请向管理员索取新的连接码</source>
        <translation>The code cannot be read: please ask an administrator for a new one</translation>
    </message>
    <message>
        <source>照片 %1 尚未上传到服务器，待巡查平板同步后才能发布</source>
        <translation>Photo %1 is not on the server yet: it can be published once the tablet has synced</translation>
    </message>
    <message>
        <source>照片 %1 无法生成公开版本，不能发布</source>
        <translation>No public copy can be made of photo %1, so it cannot be published</translation>
    </message>
    <message>
        <source>服务器没有表单 %1 的第 %2 版，不能发布</source>
        <translation>The server does not have version %2 of form %1, so it cannot be published</translation>
    </message>
    <message>
        <source>问题记录缺少字段 %1 或其值不合规</source>
        <translation>The problem entry lacks %1, or its value is not valid</translation>
    </message>
    <message>
        <source>此账号不能对问题执行此操作（%1）</source>
        <translation>This account cannot take this step on a problem (%1)</translation>
    </message>
    <message>
        <source>服务器上已有问题 %1</source>
        <translation>The server already has problem %1</translation>
    </message>
    <message>
        <source>服务器上没有问题 %1</source>
        <translation>The server does not have problem %1</translation>
    </message>
    <message>
        <source>问题 %1（村 %2）不在此账号的辖区内</source>
        <translation>Problem %1 (village %2) is outside this account&apos;s jurisdiction</translation>
    </message>
    <message>
        <source>问题 %1 已于 %2 销号，不能再更改</source>
        <translation>Problem %1 was closed on %2 and cannot be changed</translation>
    </message>
    <message>
        <source>问题 %1 当前状态（%2）下不能执行此操作（%3）</source>
        <translation>Problem %1 is in state %2: this step (%3) does not fit</translation>
    </message>
    <message>
        <source>问题 %1 尚未复查通过，不能销号</source>
        <translation>Problem %1 has not passed a re-check, so it cannot be closed</translation>
    </message>
    <message>
        <source>整改期限 %1 已过（服务器时间 %2），请选择以后的日期</source>
        <translation>The deadline %1 has passed (server time %2): choose a later date</translation>
    </message>
    <message>
        <source>复查地点不在问题现场（距离 %1 米，允许 %2 米）：请到现场复查，或说明原因</source>
        <translation>The re-check is not on site (%1 m away, %2 m allowed): re-check on site, or give a reason</translation>
    </message>
    <message>
        <source>照片 %1 不属于此问题，不能发布</source>
        <translation>Photo %1 is not one of this problem&apos;s, so it cannot be published</translation>
    </message>
    <message>
        <source>台账签认缺少字段 %1 或其值不合规</source>
        <translation>The sign-off lacks %1, or its value is not valid</translation>
    </message>
    <message>
        <source>月份 %1 无效或尚未到来，不能签认</source>
        <translation>Month %1 is not valid or has not come yet, so it cannot be signed off</translation>
    </message>
    <message>
        <source>此账号不能签认乡镇 %1 的台账（第 %2 级）</source>
        <translation>This account cannot sign off township %1&apos;s ledger (level %2)</translation>
    </message>
    <message>
        <source>乡镇 %1 %2 的台账已由 %3 于 %4 签认</source>
        <translation>Township %1&apos;s ledger for %2 was signed off by %3 on %4</translation>
    </message>
    <message>
        <source>乡镇 %1 尚未签认 %2 的台账：县级须在乡镇之后签认</source>
        <translation>Township %1 has not signed off its ledger for %2 yet: the county signs after the township</translation>
    </message>
    <message>
        <source>还有 %1 个未销号的问题未确认（如 %2）：请逐一确认后再签认</source>
        <translation>%1 open problems are not acknowledged (e.g. %2): acknowledge each before signing off</translation>
    </message>
    <message>
        <source>此账号或此网络的登录失败次数过多，请 %1 分钟后再试</source>
        <translation>Too many failed logins for this account or from this network: please try again in %1 min</translation>
    </message>
    <message>
        <source>此设备未用连接码加入此账号，不能直接登录：请向管理员索取连接码</source>
        <translation>This device has not joined this account with an enrolment code and cannot log in directly: please ask an administrator for a code</translation>
    </message>
    <message>
        <source>服务器的数据已恢复为较早的副本，本设备将重新同步</source>
        <translation>The server&apos;s data was restored from an earlier copy: this device syncs again</translation>
    </message>
    <message>
        <source>服务器正忙（同时登录的设备过多），请稍后再试</source>
        <translation>The server is busy (too many devices logging in at once): please try again in a moment</translation>
    </message>
    <message>
        <source>管理员已把此设备转交给另一个账号，此账号在本设备上的登录已结束</source>
        <translation>An administrator has handed this device over to another account: this account&apos;s login on it has ended</translation>
    </message>
    <message>
        <source>此设备已登记在另一个账号名下，不能用此账号登录：设备换人使用须由管理员转交</source>
        <translation>This device is enrolled for another account and cannot log in as this one: an administrator hands a device over to its new user</translation>
    </message>
    <message>
        <source>记录 %1 的第 %2 号版本不在此账号的辖区内，不能审核</source>
        <translation>Revision %2 of record %1 lies outside this account&apos;s jurisdiction and cannot be reviewed</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>未知的审核决定：%1</source>
        <translation>Unknown decision: %1</translation>
    </message>
    <message>
        <source>退回须写明意见</source>
        <translation>A return needs a comment</translation>
    </message>
    <message>
        <source>驳回须写明理由</source>
        <translation>A rejection needs a reason</translation>
    </message>
    <message>
        <source>本机没有这条记录，请先同步</source>
        <translation>This record is not on this device; sync first</translation>
    </message>
    <message>
        <source>这条记录已有新的版本，请重新打开后审核</source>
        <translation>This record has a newer revision; open it again to review</translation>
    </message>
    <message>
        <source>只有已通过的记录才能发布</source>
        <translation>Only an approved record can be published</translation>
    </message>
    <message>
        <source>审核未能保存：%1</source>
        <translation>The decision was not saved: %1</translation>
    </message>
    <message>
        <source>%1：确认照片未到齐后才能发布</source>
        <translation>%1: confirm the missing photos to publish</translation>
    </message>
    <message>
        <source>%1：确认照片未到齐后才能通过</source>
        <translation>%1: confirm the missing photos to approve</translation>
    </message>
</context>
<context>
    <name>ReviewFlagText</name>
    <message numerus="yes">
        <source>%n 分钟</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 小时</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>照片未到齐 (%1/%2)</source>
        <translation>Photos missing (%1/%2)</translation>
    </message>
    <message>
        <source>定位精度不足</source>
        <translation>GPS below accuracy</translation>
    </message>
    <message>
        <source>定位过早</source>
        <translation>Early GPS fix</translation>
    </message>
    <message>
        <source>时钟偏差</source>
        <translation>Clock off</translation>
    </message>
    <message>
        <source>%1：定位精度未达标仍采用，巡查员说明：%2</source>
        <translation>%1: point kept below the accuracy gate; the inspector says: %2</translation>
    </message>
    <message>
        <source>%1：定位取自保存前 %2，可能不是在现场采集的</source>
        <translation>%1: the point was fixed %2 before the record was saved; it may not have been taken on site</translation>
    </message>
    <message>
        <source>提交时平板时钟比服务器快 %1：记录时间、定位时间和照片上的时间都不可信</source>
        <translation>When it pushed, the tablet&apos;s clock was %1 ahead of the server&apos;s: the record&apos;s times, the GPS fix time and the times on its photos cannot be trusted</translation>
    </message>
    <message>
        <source>提交时平板时钟比服务器慢 %1：记录时间、定位时间和照片上的时间都不可信</source>
        <translation>When it pushed, the tablet&apos;s clock was %1 behind the server&apos;s: the record&apos;s times, the GPS fix time and the times on its photos cannot be trusted</translation>
    </message>
    <message>
        <source>照片未到齐 (%1/%2) 时确认发布</source>
        <translation>Publication confirmed with photos missing (%1/%2)</translation>
    </message>
    <message>
        <source>照片未到齐 (%1/%2) 时确认通过</source>
        <translation>Approval confirmed with photos missing (%1/%2)</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>未连接服务器，暂无已同步的记录。</source>
        <translation>No server connected, so no synced records yet.</translation>
    </message>
    <message>
        <source>暂无已同步的记录。点击“同步”从服务器获取。</source>
        <translation>No synced records yet. Tap “Sync” to fetch them from the server.</translation>
    </message>
    <message>
        <source>全文搜索：备注、文字回答、村镇名称</source>
        <translation>Full-text search: notes, text answers, place names</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>没有符合筛选条件的记录。</source>
        <translation>No records match the filters.</translation>
    </message>
    <message>
        <source>批量通过未能保存</source>
        <translation>The approvals could not be saved</translation>
    </message>
    <message>
        <source>取消选择</source>
        <translation>Cancel selection</translation>
    </message>
    <message>
        <source>选择</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>全选本页</source>
        <translation>Select this page</translation>
    </message>
    <message>
        <source>批量通过 (%1)</source>
        <translation>Approve selected (%1)</translation>
    </message>
    <message>
        <source>选择导出文件夹</source>
        <translation>Choose an export folder</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>清空所选</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>在地图上拖动，框选其中的记录</source>
        <translation>Drag on the map to select the records in a box</translation>
    </message>
    <message>
        <source>导出所选 CSV</source>
        <translation>Export selected CSV</translation>
    </message>
    <message>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <source>照片 ZIP</source>
        <translation>Photos ZIP</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>无法退出登录：%1</source>
        <translation>Cannot log out: %1</translation>
    </message>
    <message>
        <source>无法更换服务器：%1</source>
        <translation>Cannot change server: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>本机还有 %1 条记录、%2 条审核决定、%3 张照片尚未发送。</source>
        <translation>%1 records, %2 review decisions and %3 photos on this device have not been sent yet. </translation>
    </message>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>TLS 加密</source>
        <translation>TLS encrypted</translation>
    </message>
    <message>
        <source>不加密（仅限本机上的测试服务器）</source>
        <translation>Not encrypted (only for a test server on this machine)</translation>
    </message>
    <message>
        <source>证书指纹</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <source>此地址由命令行 --server 指定（开发和测试用）</source>
        <translation>This address was given with --server on the command line (development and tests)</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>辖区代码</source>
        <translation>Jurisdiction codes</translation>
    </message>
    <message>
        <source>本设备</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>设备编号</source>
        <translation>Device id</translation>
    </message>
    <message>
        <source>上次成功同步</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>尚未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>等待发送</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>%1 条记录 · %2 条审核决定 · %3 张照片</source>
        <translation>%1 records · %2 review decisions · %3 photos</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>更换服务器</source>
        <translation>Change server</translation>
    </message>
    <message>
        <source>同步记录（最近 50 次）</source>
        <translation>Sync log (last 50 attempts)</translation>
    </message>
    <message>
        <source>还没有同步过。</source>
        <translation>No sync attempts yet.</translation>
    </message>
    <message>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>上传 %1 条 · 接收 %2 条 · 照片上传 %3 张 · 照片下载 %4 张</source>
        <translation>sent %1 · received %2 · photos sent %3 · photos received %4</translation>
    </message>
    <message>
        <source>退出后需要重新登录才能同步。</source>
        <translation>After logging out you need to log in again to sync.</translation>
    </message>
    <message>
        <source>它们会留在本机，不会删除，只会发送到 %1（换了地址的同一台服务器也可以）；在它们发出之前，本机不能连接另一台服务器。</source>
        <translation>They stay on this device and are not deleted, and they are sent only to %1 (or to the same server at a new address); until they are sent, this device cannot join another server.</translation>
    </message>
    <message>
        <source>本机将忘记服务器 %1 和登录信息，记录都留在本机。接下来请输入新的连接码。</source>
        <translation>This device forgets the server %1 and the login; all records stay on it. Next, enter a new enrolment code.</translation>
    </message>
    <message>
        <source>它们会留在本机，不会删除；以 %2 重新登录后会发送到 %1（在此之前其他账号不能登录本机）。</source>
        <translation>They stay on this device and are not deleted; they are sent to %1 once %2 logs in again (until then no other account can log in on this device).</translation>
    </message>
    <message>
        <source>底图</source>
        <translation>Basemap</translation>
    </message>
    <message>
        <source>地图显示</source>
        <translation>Map shows</translation>
    </message>
    <message>
        <source>服务器尚未为本辖区提供底图。管理员用 qingshui-server basemap add 添加后，下次同步时自动下载。</source>
        <translation>The server offers no basemap for your area yet. Once an administrator adds one with qingshui-server basemap add, it downloads at the next sync.</translation>
    </message>
    <message>
        <source>允许用移动数据下载底图</source>
        <translation>Allow downloading basemaps over mobile data</translation>
    </message>
    <message>
        <source>导入底图文件…</source>
        <translation>Import a basemap file…</translation>
    </message>
    <message>
        <source>选择底图文件</source>
        <translation>Choose a basemap file</translation>
    </message>
    <message>
        <source>MBTiles 底图 (*.mbtiles)</source>
        <translation>MBTiles basemaps (*.mbtiles)</translation>
    </message>
</context>
<context>
    <name>SupervisorApp</name>
    <message>
        <source>清水巡查 · 督导</source>
        <translation>Qingshui · Supervisor</translation>
    </message>
    <message>
        <source>清水巡查 · 督导审核</source>
        <translation>Qingshui · Review</translation>
    </message>
    <message>
        <source>审核队列 %1 条</source>
        <translation>Review queue: %1 records</translation>
    </message>
    <message>
        <source>整改台账</source>
        <translation>Rectification ledger</translation>
    </message>
</context>
<context>
    <name>SyncErrorText</name>
    <message>
        <source>未连接服务器</source>
        <translation>Not connected to a server</translation>
    </message>
    <message>
        <source>未登录或登录已失效，请重新登录</source>
        <translation>Not logged in, or the login is no longer valid: log in again</translation>
    </message>
    <message>
        <source>无法连接服务器（网络不通或服务器未运行）</source>
        <translation>Cannot reach the server (no network, or the server is not running)</translation>
    </message>
    <message>
        <source>本机数据库出错：%1</source>
        <translation>The device&apos;s store failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n 张照片未能发送，下次同步时重试</source>
        <translation>
            <numerusform>%n photo could not be sent; the next sync tries again</numerusform>
            <numerusform>%n photos could not be sent; the next sync tries again</numerusform>
        </translation>
    </message>
    <message>
        <source>服务器响应超时，稍后重试</source>
        <translation>The server did not answer in time; the next sync tries again</translation>
    </message>
    <message>
        <source>同步失败（gRPC %1）：%2</source>
        <translation>Sync failed (gRPC %1): %2</translation>
    </message>
    <message>
        <source>服务器只确认了 %1/%2 条，其余下次同步时重发</source>
        <translation>The server acknowledged %1 of %2; the rest go out with the next sync</translation>
    </message>
    <message>
        <source>服务器下发的检查表无效：%1</source>
        <translation>The server sent a checklist that is not valid: %1</translation>
    </message>
    <message>
        <source>本机数据库出错：无法保存登录信息</source>
        <translation>The device&apos;s store failed: the login could not be kept</translation>
    </message>
    <message>
        <source>本机还有账号 %1 的 %2 条记录、%3 条审核决定等待发送，只能以 %1 的名义发送：请先以 %1 登录并同步，再换账号。它们不会被删除。</source>
        <translation>%2 record(s) and %3 review decision(s) of the account %1 wait on this device and can be sent only as %1: log in as %1 and sync first, then change account. They are not deleted.</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>SyncOnce</name>
    <message>
        <source>上传 %1 条，接收 %2 条，照片上传 %3 张、下载 %4 张，仍待同步 %5 条</source>
        <translation>sent %1, received %2, photos sent %3, photos received %4, still waiting %5</translation>
    </message>
    <message>
        <source>同步成功（%1，%2 秒）：%3</source>
        <translation>Synced (%1, %2 s): %3</translation>
    </message>
    <message>
        <source>同步未完成（%1，%2 秒）：%3</source>
        <translation>Sync not completed (%1, %2 s): %3</translation>
    </message>
    <message>
        <source>未连接服务器</source>
        <translation>no server</translation>
    </message>
    <message>
        <source>qingshui: 没有这个数据文件：%1</source>
        <translation>qingshui: no such store: %1</translation>
    </message>
    <message>
        <source>qingshui: 同步失败：%1</source>
        <translation>qingshui: sync failed: %1</translation>
    </message>
</context>
<context>
    <name>ValidationText</name>
    <message>
        <source>请填写「%1」</source>
        <translation>Please answer “%1”</translation>
    </message>
    <message>
        <source>「%1」的选项“%2”不在可选范围内</source>
        <translation>“%2” is not one of the options of “%1”</translation>
    </message>
    <message>
        <source>「%1」不能小于 %2%3</source>
        <translation>“%1” cannot be less than %2%3</translation>
    </message>
    <message>
        <source>「%1」不能大于 %2%3</source>
        <translation>“%1” cannot be more than %2%3</translation>
    </message>
    <message>
        <source>「%1」应为整数</source>
        <translation>“%1” must be a whole number</translation>
    </message>
    <message>
        <source>「%1」最多 %2 个字，现有 %3 个字</source>
        <translation>“%1” takes at most %2 characters; it has %3</translation>
    </message>
    <message>
        <source>「%1」中有无法识别的照片，请删除后重新拍摄</source>
        <translation>“%1” holds a photo that cannot be read: remove it and take it again</translation>
    </message>
    <message>
        <source>「%1」中有重复的照片</source>
        <translation>“%1” holds the same photo twice</translation>
    </message>
    <message>
        <source>「%1」至少需要 %2 张照片，现有 %3 张</source>
        <translation>“%1” needs at least %2 photos; it has %3</translation>
    </message>
    <message>
        <source>「%1」最多 %2 张照片，现有 %3 张</source>
        <translation>“%1” takes at most %2 photos; it has %3</translation>
    </message>
    <message>
        <source>「%1」的经纬度无效，请重新定位</source>
        <translation>The position of “%1” is not valid: take a new fix</translation>
    </message>
    <message>
        <source>「%1」的定位精度为 %2 米，要求在 %3 米以内；请重新定位，或填写原因后保留此位置</source>
        <translation>The fix for “%1” is accurate to %2 m; %3 m or better is needed. Take a new fix, or give a reason to keep this one</translation>
    </message>
    <message>
        <source>「%1」缺少定位精度，请重新定位，或填写原因后保留此位置</source>
        <translation>The fix for “%1” has no accuracy: take a new fix, or give a reason to keep this one</translation>
    </message>
    <message>
        <source>「%1」的答案格式不正确</source>
        <translation>The answer to “%1” is not in the right form</translation>
    </message>
</context>
<context>
    <name>VillagePickerController</name>
    <message>
        <source>%1 · 结对：%2</source>
        <translation>%1 · paired with %2</translation>
    </message>
    <message>
        <source>%1 · %2 · 结对：%3</source>
        <translation>%1 · %2 · paired with %3</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
</TS>
