# Every kiosk page in English (tst_english_kiosk.qml in tst_qml_kiosk): the visible texts,
# less the store's user data, hold no Chinese.
target_sources(tst_qml_kiosk PRIVATE kiosk/screentexts.h)
